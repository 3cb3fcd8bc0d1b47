package org.pmo.servicelifecycle.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The business case on the design form (design and redesign): the form opens with today's objectives to score, the
 * services to depend on and the last estimate; its submission is the estimate, and the business-case form then shows
 * value, cost, value per cost and the capacity left. The engine seam calls it on the tasks whose form is
 * {@code design-service}.
 */
@Component
public class BusinessCaseForm {

	public static final String ANNUAL_COST = "annualCost";

	public static final String EFFORT_DAYS = "effortDays";

	/** One line per objective valid today: "name (weight w): score", the score entered from 0 to 5. */
	public static final String CONTRIBUTIONS = "objectiveContributions";

	public static final String REQUIRES = "requiresServices";

	public static final String COMPLEMENTS = "complementsServices";

	/** The options of the two service lists: every other service in pipeline or catalog. */
	public static final String SERVICE_OPTIONS = "serviceOptions";

	/** What the business-case form shows of the estimate. */
	public static final String SUMMARY = "businessCaseSummary";

	private final BusinessCases businessCases;

	private final StrategicObjectives objectives;

	private final PmoCapacity capacity;

	private final ServiceCatalog catalog;

	private final ApplicationAuthority application;

	private final ObjectMapper json;

	private final RuntimeService runtimeService;

	BusinessCaseForm(BusinessCases businessCases, StrategicObjectives objectives, PmoCapacity capacity,
			ServiceCatalog catalog, ApplicationAuthority application, ObjectMapper json,
			@Lazy RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
		this.businessCases = businessCases;
		this.objectives = objectives;
		this.capacity = capacity;
		this.catalog = catalog;
		this.application = application;
		this.json = json;
	}

	/** When a design task opens: the objectives to score and the services to name, with the last estimate. */
	public void prepare(DelegateTask task) {
		String code = task.getExecution().getProcessBusinessKey();
		Optional<BusinessCaseView> last = this.businessCases.find(code);
		List<String> lines = new ArrayList<>();
		for (StrategicObjective objective : this.objectives.current()) {
			lines.add(objective.getName() + " (weight " + objective.getWeight() + "): "
					+ last.map((view) -> scoreOf(view, objective.getId())).orElse(0));
		}
		List<Map<String, Object>> options = new ArrayList<>();
		for (PmoServiceRepository.ServiceName service : this.catalog.namesInStages(PortfolioScope.ALL)) {
			if (!service.getCode().equals(code)) {
				options.add(Map.of("label", service.getCode() + " " + service.getName(), "value", service.getCode()));
			}
		}
		task.setVariable(CONTRIBUTIONS, String.join("\n", lines));
		task.setVariable(SERVICE_OPTIONS, jsonValue(options));
		last.ifPresent((view) -> {
			task.setVariable(ANNUAL_COST, view.annualCost());
			task.setVariable(EFFORT_DAYS, view.effortDays());
			task.setVariable(REQUIRES, jsonValue(view.requires()));
			task.setVariable(COMPLEMENTS, jsonValue(view.complements()));
		});
	}

	/** When a design task completes with cost and effort: the estimate, and the figures the board will read. */
	public void record(DelegateTask task) {
		Object cost = task.getVariable(ANNUAL_COST);
		Object effort = task.getVariable(EFFORT_DAYS);
		if (!(cost instanceof Number annualCost) || !(effort instanceof Number effortDays)) {
			return;
		}
		String code = task.getExecution().getProcessBusinessKey();
		BusinessCaseTerms terms = new BusinessCaseTerms(annualCost.doubleValue(), effortDays.doubleValue(),
				contributions(task.getVariable(CONTRIBUTIONS)), codes(task.getVariable(REQUIRES), REQUIRES),
				codes(task.getVariable(COMPLEMENTS), COMPLEMENTS));
		String actor = (this.application.currentUserId() != null) ? this.application.currentUserId()
				: task.getAssignee();
		BusinessCaseView view;
		try {
			view = this.businessCases.estimate(code, terms, actor);
		}
		catch (InvalidInputException ex) {
			throw new InvalidLifecycleInputException(formFieldOf(ex.getField()), problemOf(ex));
		}
		task.setVariable(SUMMARY, summary(view, code));
	}

	/**
	 * After an estimate outside the design form (the API, the demo data): the figures a waiting business-case form
	 * shows are those of the new estimate.
	 */
	public void refresh(BusinessCaseView view) {
		String code = view.code();
		String figures = summary(view, code);
		this.application.run(() -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.active()
			.list()
			.stream()
			.filter((instance) -> this.runtimeService.getVariable(instance.getId(), SUMMARY) != null)
			.forEach((instance) -> this.runtimeService.setVariable(instance.getId(), SUMMARY, figures)));
	}

	private String summary(BusinessCaseView view, String code) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Strategic value %s of 100 (%s: %s)", number(view.strategicValue()),
				view.strength(), view.strengthReason()));
		lines.add(String.format(Locale.ROOT, "Annual cost %s, value per 1,000 of cost %s, effort %s person-days a year",
				number(view.annualCost()), (view.valuePerCost() != null) ? number(view.valuePerCost()) : "-",
				number(view.effortDays())));
		Optional<CapacityView> year = this.capacity.find(this.capacity.thisYear());
		if (year.isPresent()) {
			boolean counted = PmoCapacity.COMMITTED.contains(this.catalog.find(code).getStage());
			double left = year.get().availableDays() - (counted ? 0 : view.effortDays());
			lines.add(String.format(Locale.ROOT, "Capacity %d: %s of %s person-days left once this service runs",
					year.get().year(), number(left), number(year.get().capacityDays())));
		}
		else {
			lines.add("No capacity planned for " + this.capacity.thisYear());
		}
		return String.join("\n", lines);
	}

	/** The form's lines, "name (weight w): score", as contributions to today's objectives. */
	private List<BusinessCaseTerms.Contribution> contributions(Object value) {
		List<BusinessCaseTerms.Contribution> contributions = new ArrayList<>();
		if (!(value instanceof String text)) {
			return contributions;
		}
		Map<String, StrategicObjective> byName = new LinkedHashMap<>();
		this.objectives.current().forEach((objective) -> byName.put(objective.getName().toLowerCase(Locale.ROOT), objective));
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			// "Predictable delivery (weight 8): 4": the name, the weight as shown, a colon and the score
			int colon = line.lastIndexOf(':');
			String scoreText = (colon > 0) ? line.substring(colon + 1).strip() : "";
			if (colon <= 0 || scoreText.isEmpty() || scoreText.length() > 2 || !scoreText.chars().allMatch(Character::isDigit)) {
				throw new InvalidLifecycleInputException(CONTRIBUTIONS,
						"line " + (i + 1) + ": write the objective's name, a colon and a score from 0 to 5");
			}
			String name = line.substring(0, colon).strip();
			int weight = name.lastIndexOf(" (weight ");
			if (weight > 0 && name.endsWith(")")) {
				name = name.substring(0, weight).strip();
			}
			StrategicObjective objective = byName.get(name.toLowerCase(Locale.ROOT));
			if (objective == null) {
				throw new InvalidLifecycleInputException(CONTRIBUTIONS,
						"line " + (i + 1) + ": no objective '" + name + "' is valid today");
			}
			int score = Integer.parseInt(scoreText);
			if (score > 5) {
				throw new InvalidLifecycleInputException(CONTRIBUTIONS,
						"line " + (i + 1) + ": the score is a whole number from 0 to 5");
			}
			if (score > 0) {
				contributions.add(new BusinessCaseTerms.Contribution(objective.getId(), score));
			}
		}
		return contributions;
	}

	private List<String> codes(Object value, String field) {
		List<String> codes = new ArrayList<>();
		rows(value, field).forEach((item) -> codes.add(item.asText()));
		return codes;
	}

	private List<JsonNode> rows(Object value, String field) {
		if (value == null) {
			return List.of();
		}
		try {
			JsonNode node = this.json.readTree((value instanceof SpinJsonNode spin) ? spin.toString()
					: (value instanceof String text) ? text : this.json.writeValueAsString(value));
			if (!node.isArray()) {
				throw new InvalidLifecycleInputException(field, "must be a list");
			}
			List<JsonNode> rows = new ArrayList<>();
			node.forEach(rows::add);
			return rows;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidLifecycleInputException(field, "must be a list");
		}
	}

	private static int scoreOf(BusinessCaseView view, Long objective) {
		return view.contributions()
			.stream()
			.filter((score) -> score.objective().equals(objective))
			.mapToInt(BusinessCaseView.ObjectiveScore::score)
			.findFirst()
			.orElse(0);
	}

	/** The API's field as the design form names it. */
	private static String formFieldOf(String field) {
		if (field.startsWith("contributions")) {
			return CONTRIBUTIONS;
		}
		if (field.startsWith("requires")) {
			return REQUIRES;
		}
		if (field.startsWith("complements")) {
			return COMPLEMENTS;
		}
		return field;
	}

	private static String problemOf(InvalidInputException ex) {
		String message = String.valueOf(ex.getMessage());
		String prefix = ex.getField() + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	private Object jsonValue(Object value) {
		try {
			return SpinValues.jsonValue(this.json.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String number(double value) {
		return ServiceMixSolver.number(value);
	}

}
