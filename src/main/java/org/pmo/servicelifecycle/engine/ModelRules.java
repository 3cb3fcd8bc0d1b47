package org.pmo.servicelifecycle.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.pmo.servicelifecycle.lifecycle.ApprovalGates;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.security.FourEyesPrinciple;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a changed lifecycle model may hold, element by element and attribute by attribute: the BPMN the product's
 * models use and a few harmless elements more; of Camunda's extensions only those the shipped models use, with the
 * shipped values where a value could reach into the application (delegates and listeners, variable mappings, the
 * approvals' groups and decisions); no script, class, shell, connector, embedded form or foreign namespace. An
 * expression of the model's own may only compare variables. Whatever is not allowed here is refused.
 */
final class ModelRules {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
			"http://bpmn.io/schema/bpmn/biocolor/1.0", "http://www.omg.org/spec/BPMN/non-normative/color/1.0");

	/** Attribute namespaces that carry no behaviour: Modeler's own marks, XML Schema types, colours. */
	private static final Set<String> INERT_ATTRIBUTES = Set.of("http://camunda.org/schema/modeler/1.0",
			"http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/2000/xmlns/",
			"http://bpmn.io/schema/bpmn/biocolor/1.0", "http://www.omg.org/spec/BPMN/non-normative/color/1.0");

	private static final Set<String> BPMN_ELEMENTS = Set.of("definitions", "process", "startEvent", "endEvent",
			"userTask", "serviceTask", "receiveTask", "manualTask", "task", "businessRuleTask", "callActivity",
			"subProcess", "exclusiveGateway", "parallelGateway", "intermediateCatchEvent", "intermediateThrowEvent",
			"boundaryEvent", "sequenceFlow", "conditionExpression", "incoming", "outgoing", "extensionElements",
			"timerEventDefinition", "timeCycle", "timeDate", "timeDuration", "messageEventDefinition",
			"escalationEventDefinition", "errorEventDefinition", "message", "escalation", "error", "documentation",
			"textAnnotation", "text", "association", "laneSet", "lane", "flowNodeRef", "collaboration", "participant",
			"group", "category", "categoryValue");

	private static final Set<String> CAMUNDA_ELEMENTS = Set.of("properties", "property", "executionListener",
			"inputOutput", "outputParameter", "in", "out", "failedJobRetryTimeCycle");

	/** Camunda attributes a model may set on its elements; the others (class, type, formKey, assignee, …) it may not. */
	private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("formRef", "formRefBinding", "formRefVersion",
			"candidateGroups", "dueDate", "followUpDate", "priority", "asyncBefore", "asyncAfter", "exclusive",
			"delegateExpression", "expression", "decisionRef", "decisionRefBinding", "decisionRefVersion",
			"decisionRefVersionTag", "mapDecisionResult", "calledElementBinding", "calledElementVersion",
			"calledElementVersionTag", "historyTimeToLive", "versionTag", "isStartableInTasklist", "initiator",
			"resultVariable");

	/** Groups whose people do the lifecycle's work; a task for anybody else is none of the product's. */
	private static final Set<String> WORK_GROUPS = Set.of("pmo-analysts", "pmo-managers", "portfolio-board");

	/** A condition of the model's own: variables compared with literals, joined by and/or. */
	private static final String OPERAND = "(?:'[^'${}\\\\]*'|\"[^\"${}\\\\]*\"|-?\\d+(?:\\.\\d+)?|true|false|null|[A-Za-z_][A-Za-z0-9_]*)";

	private static final Pattern PLAIN = Pattern.compile("^\\$\\{\\s*(?:!\\s*|not\\s+|empty\\s+)?" + OPERAND
			+ "(?:\\s*(?:==|!=|<=|>=|<|>|eq|ne|lt|gt|le|ge)\\s*" + OPERAND + ")?(?:\\s*(?:&&|\\|\\||and|or)\\s*(?:!\\s*|not\\s+|empty\\s+)?"
			+ OPERAND + "(?:\\s*(?:==|!=|<=|>=|<|>|eq|ne|lt|gt|le|ge)\\s*" + OPERAND + ")?)*\\s*}$");

	private final Shipped shipped = Shipped.load();

	/** The problems of one BPMN file against these rules. */
	List<String> problemsOf(String name, byte[] bytes) {
		List<String> problems = new ArrayList<>();
		Document document;
		try {
			document = parse(new ByteArrayInputStream(bytes));
		}
		catch (IOException | SAXException ex) {
			problems.add(name + ": is not readable XML (" + ex.getMessage() + ")");
			return problems;
		}
		walk(name, document.getDocumentElement(), null, problems);
		for (Map.Entry<String, Pin> pin : this.shipped.pins.entrySet()) {
			Pin found = Pin.of(document, pin.getKey());
			if (found != null && !found.equals(pin.getValue())) {
				problems.add(name + ": approval '" + pin.getKey() + "' must keep its candidate groups "
						+ pin.getValue().groups() + " and its decision as shipped (" + pin.getValue().decision()
						+ "); it has " + found.groups() + " and " + found.decision());
			}
		}
		return problems;
	}

	private void walk(String name, Element element, String owner, List<String> problems) {
		String ns = element.getNamespaceURI();
		String local = element.getLocalName();
		String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
		if (BPMN.equals(ns)) {
			if (!BPMN_ELEMENTS.contains(local)) {
				problems.add(name + ": '" + id + "' is a " + local + ", which a changed model may not hold");
				return;
			}
			if ("conditionExpression".equals(local) && element.hasAttribute("language")) {
				problems.add(name + ": the condition of '" + id + "' is a script: a condition compares variables");
			}
		}
		else if (CAMUNDA.equals(ns)) {
			if (!CAMUNDA_ELEMENTS.contains(local)) {
				problems.add(name + ": '" + owner + "' holds camunda:" + local + ", which a changed model may not hold");
				return;
			}
			camundaElement(name, element, owner, problems);
		}
		else if (ns == null || !DIAGRAM.contains(ns)) {
			problems.add(name + ": '" + owner + "' holds an element of " + ns + ", which a changed model may not hold");
			return;
		}
		attributes(name, element, id, problems);
		if (!"documentation".equals(local) && !"text".equals(local)) {
			text(name, element, id, problems);
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				walk(name, nested, id, problems);
			}
		}
	}

	private void attributes(String name, Element element, String id, List<String> problems) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String ns = attribute.getNamespaceURI();
			String local = attribute.getLocalName();
			if (ns == null || INERT_ATTRIBUTES.contains(ns)) {
				expression(name, id, attribute.getValue(), problems);
				continue;
			}
			if (!CAMUNDA.equals(ns) || !CAMUNDA_ATTRIBUTES.contains(local)) {
				problems.add(name + ": '" + id + "' sets " + attribute.getName() + ", which a changed model may not set");
				continue;
			}
			String value = attribute.getValue();
			switch (local) {
				case "delegateExpression", "expression" -> {
					if (!this.shipped.delegates.contains(value)) {
						problems.add(name + ": '" + id + "' runs " + value + ": a step runs one of the application's "
								+ "delegates as the shipped models do");
					}
				}
				case "candidateGroups" -> {
					for (String group : value.split(",")) {
						if (!WORK_GROUPS.contains(group.trim())) {
							problems.add(name + ": '" + id + "' gives its task to '" + group.trim()
									+ "': the lifecycle's tasks go to " + new TreeSet<>(WORK_GROUPS));
						}
					}
				}
				case "initiator" -> {
					if (!ServiceLifecycleProcess.Variables.REQUESTED_BY.equals(value)) {
						problems.add(name + ": '" + id + "' records its starter as '" + value + "': it is "
								+ ServiceLifecycleProcess.Variables.REQUESTED_BY);
					}
				}
				case "resultVariable" -> governed(name, id, value, problems);
				default -> expression(name, id, value, problems);
			}
		}
	}

	private void camundaElement(String name, Element element, String owner, List<String> problems) {
		String local = element.getLocalName();
		if ("executionListener".equals(local)) {
			String listener = element.hasAttribute("expression") ? element.getAttribute("expression")
					: element.getAttribute("delegateExpression");
			if (!this.shipped.delegates.contains(listener) || element.hasAttribute("class")) {
				problems.add(name + ": a listener of '" + owner + "' runs " + listener
						+ ": listeners are the shipped models' own");
			}
			return;
		}
		if ("outputParameter".equals(local) || "in".equals(local) || "out".equals(local)) {
			String mapping = mapping(owner, element);
			if (!this.shipped.mappings.contains(mapping)) {
				problems.add(name + ": '" + owner + "' maps variables as " + mapping.substring(owner.length() + 1)
						+ ": variable mappings are the shipped models' own, on their elements");
			}
		}
	}

	/** An element's variable mapping in one line: which element, which kind, and every attribute and the text. */
	static String mapping(String owner, Element element) {
		StringBuilder line = new StringBuilder(owner).append('|').append(element.getLocalName());
		NamedNodeMap attributes = element.getAttributes();
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			parts.add(attributes.item(i).getNodeName() + "=" + attributes.item(i).getNodeValue());
		}
		parts.sort(null);
		parts.forEach((part) -> line.append('|').append(part));
		return line.append('|').append(element.getTextContent().strip()).toString();
	}

	private void text(String name, Element element, String id, List<String> problems) {
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				expression(name, id, child.getNodeValue(), problems);
			}
		}
	}

	/** A value with an expression: one the shipped models use, or a comparison of variables. */
	private void expression(String name, String id, String value, List<String> problems) {
		if (value == null || (!value.contains("${") && !value.contains("#{"))) {
			return;
		}
		String expression = value.strip();
		if (this.shipped.expressions.contains(expression) || PLAIN.matcher(expression).matches()) {
			return;
		}
		problems.add(name + ": '" + id + "' holds " + expression + ": an expression of a changed model compares "
				+ "variables, or is one the shipped models use");
	}

	private static void governed(String name, String id, String variable, List<String> problems) {
		if (ServiceLifecycleProcess.Variables.GOVERNANCE.contains(variable)) {
			problems.add(name + ": '" + id + "' writes '" + variable + "', which only the engine records");
		}
	}

	static Document parse(InputStream in) throws IOException, SAXException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(in);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An approval as shipped: its candidate groups and where each of its decision's outcomes leads. */
	record Pin(String groups, Set<String> decision) {

		static Pin of(Document document, String taskId) {
			Map<String, Element> byId = new HashMap<>();
			List<Element> flows = new ArrayList<>();
			index(document.getDocumentElement(), byId, flows);
			Element task = byId.get(taskId);
			if (task == null) {
				return null;
			}
			Set<String> decision = new TreeSet<>();
			for (Element flow : flows) {
				if (!taskId.equals(flow.getAttribute("sourceRef"))) {
					continue;
				}
				String next = flow.getAttribute("targetRef");
				decision.add("→ " + next);
				for (Element outcome : flows) {
					if (next.equals(outcome.getAttribute("sourceRef"))) {
						decision.add(next + ": " + condition(outcome) + " → " + outcome.getAttribute("targetRef"));
					}
				}
			}
			return new Pin(task.getAttributeNS(CAMUNDA, "candidateGroups"), decision);
		}

		private static String condition(Element flow) {
			for (Node child = flow.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element nested && "conditionExpression".equals(nested.getLocalName())) {
					return nested.getTextContent().strip();
				}
			}
			return "always";
		}

		private static void index(Element element, Map<String, Element> byId, List<Element> flows) {
			if (BPMN.equals(element.getNamespaceURI()) && element.hasAttribute("id")) {
				byId.put(element.getAttribute("id"), element);
				if ("sequenceFlow".equals(element.getLocalName())) {
					flows.add(element);
				}
			}
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element nested) {
					index(nested, byId, flows);
				}
			}
		}

	}

	/** What the shipped lifecycle models hold, read from the application's own files. */
	private record Shipped(Set<String> expressions, Set<String> delegates, Set<String> mappings, Map<String, Pin> pins) {

		static Shipped load() {
			Set<String> expressions = new HashSet<>();
			Set<String> delegates = new HashSet<>();
			Set<String> mappings = new HashSet<>();
			Map<String, Pin> pins = new HashMap<>();
			try {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
					Document document;
					try (InputStream in = resource.getInputStream()) {
						document = parse(in);
					}
					if (!isLifecycleModel(document)) {
						// the other models' delegates are theirs: a changed lifecycle may not borrow them
						continue;
					}
					collect(document.getDocumentElement(), null, expressions, delegates, mappings);
					Set<String> approvals = new HashSet<>();
					FourEyesPrinciple.TASKS_BY_MODEL.values().forEach(approvals::addAll);
					ApprovalGates.GATES.forEach((gate) -> approvals.add(gate.approval()));
					for (String approval : approvals) {
						Pin pin = Pin.of(document, approval);
						if (pin != null) {
							pins.put(approval, pin);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SAXException ex) {
				throw new IllegalStateException("a shipped model is unreadable", ex);
			}
			return new Shipped(Set.copyOf(expressions), Set.copyOf(delegates), Set.copyOf(mappings), Map.copyOf(pins));
		}

		private static boolean isLifecycleModel(Document document) {
			for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element process && "process".equals(process.getLocalName())
						&& ServiceLifecycleProcess.KEYS.contains(process.getAttribute("id"))) {
					return true;
				}
			}
			return false;
		}

		private static void collect(Element element, String owner, Set<String> expressions, Set<String> delegates,
				Set<String> mappings) {
			String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				String value = attributes.item(i).getNodeValue().strip();
				if (value.contains("${") || value.contains("#{")) {
					expressions.add(value);
				}
				String local = attributes.item(i).getLocalName();
				if ("delegateExpression".equals(local) || "expression".equals(local)) {
					delegates.add(value);
				}
			}
			String local = element.getLocalName();
			if (CAMUNDA.equals(element.getNamespaceURI())
					&& ("outputParameter".equals(local) || "in".equals(local) || "out".equals(local))) {
				mappings.add(mapping(owner, element));
			}
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element nested) {
					collect(nested, id, expressions, delegates, mappings);
				}
				else if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().contains("${")) {
					expressions.add(child.getNodeValue().strip());
				}
			}
		}

	}

}
