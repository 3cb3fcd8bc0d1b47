package org.pmo.servicelifecycle.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a process owner may change in a lifecycle model: its words and its layout, and steps without behaviour of
 * their own. Every element of the shipped model stays, of the same kind, with the same settings, extensions, event
 * definitions and conditions (only its name and documentation may change), and every shipped flow still leads from
 * its source to its target; a new step is a manual task, a task or a none intermediate event, with a name only,
 * placed on a shipped flow. Everything that carries behaviour (who approves, what a decision leads to, delegates,
 * listeners, variable mappings, timers, stages, forms and decisions referenced) changes with a release of the
 * application, where it is reviewed and tested, not with a deployment.
 */
final class ModelRules {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/** Namespaces of the diagram: free to change. */
	private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");

	/** Attribute namespaces that carry no behaviour: Modeler's marks, XML Schema types, colours, namespace names. */
	private static final Set<String> INERT_ATTRIBUTES = Set.of("http://camunda.org/schema/modeler/1.0",
			"http://www.w3.org/2000/xmlns/", "http://bpmn.io/schema/bpmn/biocolor/1.0",
			"http://www.omg.org/spec/BPMN/non-normative/color/1.0");

	/** The kinds of element a process holds as its flow: compared one by one, not as part of their container. */
	private static final Set<String> FLOW = Set.of("startEvent", "endEvent", "userTask", "serviceTask", "receiveTask",
			"manualTask", "task", "businessRuleTask", "callActivity", "subProcess", "exclusiveGateway",
			"parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway", "intermediateCatchEvent",
			"intermediateThrowEvent", "boundaryEvent", "sequenceFlow", "scriptTask", "sendTask", "transaction",
			"adHocSubProcess", "textAnnotation", "association", "laneSet", "dataObject", "dataObjectReference",
			"dataStoreReference", "group");

	/** New steps a changed model may add: no behaviour of their own. */
	private static final Set<String> INERT_STEPS = Set.of("manualTask", "task", "intermediateThrowEvent");

	/** BPMN's own defaults: written out or left out as a tool likes, the same to the engine. */
	private static final Map<String, Set<String>> DEFAULTS = Map.ofEntries(Map.entry("completionQuantity", Set.of("1")),
			Map.entry("startQuantity", Set.of("1")), Map.entry("isForCompensation", Set.of("false")),
			Map.entry("implementation", Set.of("##unspecified", "##WebService")), Map.entry("isInterrupting", Set.of("true")),
			Map.entry("cancelActivity", Set.of("true")), Map.entry("parallelMultiple", Set.of("false")),
			Map.entry("gatewayDirection", Set.of("Unspecified")), Map.entry("isClosed", Set.of("false")),
			Map.entry("processType", Set.of("None")), Map.entry("triggeredByEvent", Set.of("false")), Map.entry("instantiate", Set.of("false")),
			Map.entry("isImmediate", Set.of("false")), Map.entry("isSequential", Set.of("false")), Map.entry("isCollection", Set.of("false")),
			Map.entry("camunda:asyncBefore", Set.of("false")), Map.entry("camunda:asyncAfter", Set.of("false")),
			Map.entry("camunda:exclusive", Set.of("true")));

	/** Parts of an element that are words or references the engine recomputes, free to change. */
	private static final Set<String> WORDS = Set.of("documentation", "incoming", "outgoing");

	private final Map<String, Shape> shipped = Shape.shipped();

	/** The differences of one BPMN file from the shipped lifecycle models that are not a process owner's to make. */
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
		for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
			if (!(child instanceof Element root) || DIAGRAM.contains(root.getNamespaceURI())) {
				continue;
			}
			String id = root.getAttribute("id");
			if (BPMN.equals(root.getNamespaceURI()) && "process".equals(root.getLocalName())) {
				Shape shape = this.shipped.get(id);
				if (shape == null) {
					problems.add(name + ": process '" + id + "' is not one of the lifecycle's models "
							+ new TreeSet<>(ServiceLifecycleProcess.KEYS));
				}
				else {
					shape.compare(name, root, problems);
				}
				continue;
			}
			String canonical = canonical(root, true);
			if (this.shipped.values().stream().noneMatch((shape) -> shape.roots().contains(canonical))) {
				problems.add(name + ": " + root.getLocalName() + " '" + id + "' is not one of the shipped models' "
						+ "(messages, escalations and errors stay as shipped)");
			}
		}
		return problems;
	}

	/**
	 * An element as the engine reads it, in one line: kind, settings (its name left out when asked), and the parts
	 * that are not flow elements of their own (extensions, event definitions, conditions), recursively.
	 */
	static String canonical(Element element, boolean withoutName) {
		StringBuilder line = new StringBuilder("<").append(element.getNamespaceURI()).append(':')
			.append(element.getLocalName());
		settings(element, withoutName).forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
		line.append('>');
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				boolean flow = BPMN.equals(nested.getNamespaceURI()) && FLOW.contains(nested.getLocalName());
				boolean words = BPMN.equals(nested.getNamespaceURI()) && WORDS.contains(nested.getLocalName());
				if (!flow && !words) {
					line.append(canonical(nested, false));
				}
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				String text = child.getNodeValue().strip();
				if (!text.isEmpty()) {
					line.append(text);
				}
			}
		}
		return line.append("</>").toString();
	}

	/**
	 * The element's settings by name ({@code camunda:} for Camunda's, the namespace for other foreign ones), sorted:
	 * Modeler's marks and BPMN's defaults left out, and the name when asked.
	 */
	static Map<String, String> settings(Element element, boolean withoutName) {
		Map<String, String> settings = new java.util.TreeMap<>();
		NamedNodeMap all = element.getAttributes();
		for (int i = 0; i < all.getLength(); i++) {
			Attr attribute = (Attr) all.item(i);
			String ns = attribute.getNamespaceURI();
			if ((ns != null && INERT_ATTRIBUTES.contains(ns))
					|| (withoutName && ns == null && "name".equals(attribute.getLocalName()))) {
				continue;
			}
			String key = ((ns == null) ? "" : "http://camunda.org/schema/1.0/bpmn".equals(ns) ? "camunda:" : ns + ":")
					+ attribute.getLocalName();
			if (!DEFAULTS.getOrDefault(key, Set.of()).contains(attribute.getValue())) {
				settings.put(key, attribute.getValue());
			}
		}
		return settings;
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

	/** The flow elements of a process, every scope's included, by id. */
	private static Map<String, Element> flowElements(Element process) {
		Map<String, Element> byId = new LinkedHashMap<>();
		collect(process, byId);
		return byId;
	}

	private static void collect(Element scope, Map<String, Element> byId) {
		for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested && BPMN.equals(nested.getNamespaceURI())
					&& FLOW.contains(nested.getLocalName())) {
				byId.put(nested.getAttribute("id"), nested);
				collect(nested, byId);
			}
		}
	}

	/** A shipped lifecycle process: each flow element in its canonical form, its flows, and the file's other roots. */
	private record Shape(String processKey, String process, Map<String, String> elements, Map<String, String[]> flows,
			Map<String, String> scopes, Map<String, Map<String, String>> settings, Set<String> roots) {

		static Map<String, Shape> shipped() {
			Map<String, Shape> shapes = new HashMap<>();
			try {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
					Document document;
					try (InputStream in = resource.getInputStream()) {
						document = parse(in);
					}
					Set<String> roots = new java.util.HashSet<>();
					List<Element> processes = new ArrayList<>();
					for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
						if (child instanceof Element root && BPMN.equals(root.getNamespaceURI())) {
							if ("process".equals(root.getLocalName())) {
								processes.add(root);
							}
							else {
								roots.add(canonical(root, true));
							}
						}
					}
					for (Element process : processes) {
						if (ServiceLifecycleProcess.KEYS.contains(process.getAttribute("id"))) {
							shapes.put(process.getAttribute("id"), of(process, roots));
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
			return Map.copyOf(shapes);
		}

		static Shape of(Element process, Set<String> roots) {
			Map<String, String> elements = new LinkedHashMap<>();
			Map<String, String[]> flows = new LinkedHashMap<>();
			Map<String, String> scopes = new HashMap<>();
			Map<String, Map<String, String>> settings = new HashMap<>();
			for (Map.Entry<String, Element> entry : flowElements(process).entrySet()) {
				Element element = entry.getValue();
				elements.put(entry.getKey(), canonical(withoutTarget(element), true));
				settings.put(entry.getKey(), settingsOf(withoutTarget(element)));
				scopes.put(entry.getKey(), ((Element) element.getParentNode()).getAttribute("id"));
				if ("sequenceFlow".equals(element.getLocalName())) {
					flows.put(entry.getKey(), new String[] { element.getAttribute("sourceRef"), element.getAttribute("targetRef") });
				}
			}
			return new Shape(process.getAttribute("id"), canonical(process, true), elements, flows, scopes, settings,
					Set.copyOf(roots));
		}

		/** A flow's target may become a new step: the chain is checked on its own. */
		private static Element withoutTarget(Element element) {
			if (!"sequenceFlow".equals(element.getLocalName())) {
				return element;
			}
			Element copy = (Element) element.cloneNode(true);
			copy.removeAttribute("targetRef");
			return copy;
		}

		void compare(String name, Element process, List<String> problems) {
			if (!canonical(process, true).equals(this.process)) {
				problems.add(name + ": process '" + this.processKey + "' changes its own settings or extensions: "
						+ "they stay as shipped");
			}
			Map<String, Element> changed = flowElements(process);
			for (Map.Entry<String, String> element : this.elements.entrySet()) {
				Element now = changed.get(element.getKey());
				if (now == null) {
					problems.add(name + ": '" + element.getKey() + "' of the shipped model is missing: shipped elements stay");
				}
				else if (!canonical(withoutTarget(now), true).equals(element.getValue())) {
					problems.add(name + ": '" + element.getKey() + "' differs from the shipped model in more than its "
							+ "name (" + whatDiffers(this.settings.get(element.getKey()), withoutTarget(now)) + "): its "
							+ "kind, settings, extensions, event definitions and conditions stay as shipped");
				}
				else if (!this.scopes.get(element.getKey()).equals(((Element) now.getParentNode()).getAttribute("id"))) {
					problems.add(name + ": '" + element.getKey() + "' moved to another scope: it stays where it is shipped");
				}
			}
			// new elements: steps without behaviour, and the flows that chain them into a shipped flow
			Map<String, List<Element>> outgoing = new HashMap<>();
			Map<String, Integer> incoming = new HashMap<>();
			for (Element element : changed.values()) {
				if ("sequenceFlow".equals(element.getLocalName())) {
					outgoing.computeIfAbsent(element.getAttribute("sourceRef"), (id) -> new ArrayList<>()).add(element);
					incoming.merge(element.getAttribute("targetRef"), 1, Integer::sum);
				}
			}
			for (Map.Entry<String, Element> entry : changed.entrySet()) {
				if (this.elements.containsKey(entry.getKey())) {
					continue;
				}
				Element element = entry.getValue();
				String kind = element.getLocalName();
				if ("sequenceFlow".equals(kind)) {
					if (this.elements.containsKey(element.getAttribute("sourceRef"))) {
						problems.add(name + ": the new flow '" + entry.getKey() + "' leaves the shipped '"
								+ element.getAttribute("sourceRef") + "': where a step leads stays as shipped");
					}
					else if (!canonical(element, true).equals(plainFlow(element))) {
						problems.add(name + ": the new flow '" + entry.getKey() + "' has a condition or settings: a new "
								+ "step leads on unconditionally");
					}
					continue;
				}
				if (!INERT_STEPS.contains(kind) || !isPlain(element)) {
					problems.add(name + ": '" + entry.getKey() + "' is a new " + kind + " with settings of its own: a "
							+ "changed model adds only manual tasks, tasks and none intermediate events, with a name");
					continue;
				}
				if (outgoing.getOrDefault(entry.getKey(), List.of()).size() != 1 || incoming.getOrDefault(entry.getKey(), 0) != 1) {
					problems.add(name + ": the new step '" + entry.getKey() + "' must have one flow in and one out, on a "
							+ "shipped flow");
				}
			}
			for (Map.Entry<String, String[]> flow : this.flows.entrySet()) {
				Element now = changed.get(flow.getKey());
				if (now == null) {
					continue;
				}
				String target = now.getAttribute("targetRef");
				Set<String> seen = new java.util.HashSet<>();
				while (!this.elements.containsKey(target) && changed.containsKey(target) && seen.add(target)
						&& outgoing.getOrDefault(target, List.of()).size() == 1) {
					target = outgoing.get(target).get(0).getAttribute("targetRef");
				}
				if (!flow.getValue()[1].equals(target)) {
					problems.add(name + ": the flow '" + flow.getKey() + "' no longer leads from '" + flow.getValue()[0]
							+ "' to '" + flow.getValue()[1] + "': new steps go on a flow, which still reaches its target");
				}
			}
		}

		/** The element's kind and settings, by name, for telling what changed. */
		private static Map<String, String> settingsOf(Element element) {
			Map<String, String> settings = new java.util.TreeMap<>(ModelRules.settings(element, true));
			settings.put("kind", element.getLocalName());
			return settings;
		}

		/** In words: which settings changed, or else that its extensions, event definitions or conditions did. */
		private static String whatDiffers(Map<String, String> shipped, Element changed) {
			Map<String, String> now = settingsOf(changed);
			Set<String> keys = new TreeSet<>(shipped.keySet());
			keys.addAll(now.keySet());
			List<String> differences = new ArrayList<>();
			for (String key : keys) {
				String before = shipped.get(key);
				String after = now.get(key);
				if (before == null ? after != null : !before.equals(after)) {
					differences.add(key + ": " + ((before == null) ? "none" : before) + " → " + ((after == null) ? "none" : after));
				}
			}
			return differences.isEmpty() ? "its extensions, event definitions or conditions" : String.join(", ", differences);
		}

		/** A new flow as it may be: an id, a source, a target and a name. */
		private static String plainFlow(Element flow) {
			return "<" + BPMN + ":sequenceFlow id=" + flow.getAttribute("id") + " sourceRef="
					+ flow.getAttribute("sourceRef") + " targetRef=" + flow.getAttribute("targetRef") + "></>";
		}

		/** A new step with an id and a name, and nothing that the engine would run. */
		private static boolean isPlain(Element step) {
			NamedNodeMap attributes = step.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				String ns = attribute.getNamespaceURI();
				boolean inert = ns != null && INERT_ATTRIBUTES.contains(ns);
				if (!inert && !(ns == null && Set.of("id", "name").contains(attribute.getLocalName()))) {
					return false;
				}
			}
			for (Node child = step.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element nested
						&& !(BPMN.equals(nested.getNamespaceURI()) && WORDS.contains(nested.getLocalName()))) {
					return false;
				}
			}
			return true;
		}

	}

}
