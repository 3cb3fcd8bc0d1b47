package org.pmo.servicelifecycle.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The offerings and agreements of the design form: rows of two dynamic lists, {@code offerings} (segment, level,
 * places) and {@code agreements} (the offering's segment, metric, unit, direction, target, period, risk margin).
 * The form shows what the version in design offers; what is submitted is checked and kept for that version, and the
 * board's forms show it in words. The go-live gate refuses a version whose offerings are not all measured.
 */
@Component
public class OfferingDesign {

	public static final String OFFERINGS = "offerings";

	public static final String AGREEMENTS = "agreements";

	/** The offerings in words, shown to the board at justification and go-live. */
	public static final String SUMMARY = "offeringSummary";

	/** The longest text a String variable holds. */
	private static final int MAX_TEXT = 4000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final OfferingBook offerings;

	private final ApplicationAuthority application;

	OfferingDesign(OfferingBook offerings, ApplicationAuthority application) {
		this.offerings = offerings;
		this.application = application;
	}

	/** The design form opens with the offerings and agreements of the version in design. */
	public void prepare(DelegateTask task) {
		String code = task.getExecution().getProcessBusinessKey();
		ArrayNode offered = JSON.createArrayNode();
		ArrayNode agreed = JSON.createArrayNode();
		for (OfferingView offering : this.offerings.designedOfferingsOf(code)) {
			ObjectNode row = offered.addObject().put("segment", offering.segment().name())
				.put("level", offering.level().name());
			if (offering.capacity() != null) {
				row.put("capacity", offering.capacity());
			}
			for (AgreementView agreement : offering.agreements()) {
				// agreements for every segment stay as they are; the form lists each offering's own
				if (agreement.segment() != null) {
					ObjectNode terms = agreed.addObject().put("segment", agreement.segment().name())
						.put("metric", agreement.metric())
						.put("unit", agreement.unit().name())
						.put("direction", agreement.direction().name())
						.put("target", agreement.target())
						.put("period", agreement.period().name());
					if (agreement.riskMargin() != null) {
						terms.put("riskMargin", agreement.riskMargin());
					}
				}
			}
		}
		task.setVariable(OFFERINGS, SpinValues.jsonValue(offered.toString()).create());
		task.setVariable(AGREEMENTS, SpinValues.jsonValue(agreed.toString()).create());
	}

	/** Keeps the submitted offerings for the version in design, and their summary for the board. */
	public void record(DelegateTask task) {
		String code = task.getExecution().getProcessBusinessKey();
		List<OfferingTerms> terms = termsOf(rows(task.getVariable(OFFERINGS), OFFERINGS),
				rows(task.getVariable(AGREEMENTS), AGREEMENTS), this.offerings.agreesForEverySegmentInDesign(code));
		try {
			this.offerings.design(code, terms, this.application.currentUserId());
		}
		catch (InvalidInputException ex) {
			throw new InvalidLifecycleInputException(ex.getField(), ex.getMessage());
		}
		describe(task);
	}

	/** The offerings and agreements of the version in design, in words, for the board's forms. */
	public void describe(DelegateTask task) {
		String summary = this.offerings.describeDesigned(task.getExecution().getProcessBusinessKey());
		task.setVariable(SUMMARY, (summary.length() <= MAX_TEXT) ? summary : summary.substring(0, MAX_TEXT - 1) + "…");
	}

	/** The board approves a go-live only for a version whose every offering has an agreement. */
	public void checkGoLive(DelegateTask task) {
		if (!Decision.APPROVE.value().equals(task.getVariable(ServiceLifecycleProcess.Variables.DECISION))) {
			return;
		}
		try {
			this.offerings.checkReadyForGoLive(task.getExecution().getProcessBusinessKey());
		}
		catch (InvalidInputException ex) {
			throw new InvalidLifecycleInputException(ServiceLifecycleProcess.Variables.DECISION, ex.getMessage());
		}
	}

	/** The rows as offerings, each with the agreement rows for its segment; problems named by row. */
	static List<OfferingTerms> termsOf(List<Map<String, Object>> offeringRows, List<Map<String, Object>> agreementRows,
			boolean agreedForEverySegment) {
		if (offeringRows.isEmpty()) {
			throw new InvalidLifecycleInputException(OFFERINGS, "a service makes at least one offering");
		}
		Map<CustomerSegment, OfferingLevel> levels = new LinkedHashMap<>();
		Map<CustomerSegment, Integer> capacities = new LinkedHashMap<>();
		for (int i = 0; i < offeringRows.size(); i++) {
			Map<String, Object> row = offeringRows.get(i);
			String at = OFFERINGS + "[" + i + "].";
			CustomerSegment segment = constant(CustomerSegment.class, row.get("segment"), at + "segment");
			if (levels.containsKey(segment)) {
				throw new InvalidLifecycleInputException(at + "segment",
						"a second offering for " + Labels.segment(segment) + ": one offering per segment");
			}
			OfferingLevel level = constant(OfferingLevel.class, row.get("level"), at + "level");
			levels.put(segment, level);
			Object capacity = row.get("capacity");
			if (capacity != null && level == OfferingLevel.MANDATED) {
				throw new InvalidLifecycleInputException(at + "capacity",
						"a mandated offering reaches every customer of the segment: leave the places empty");
			}
			if (capacity != null && !(capacity instanceof Number number && number.doubleValue() >= 1
					&& number.doubleValue() == Math.rint(number.doubleValue()) && number.doubleValue() <= 100_000)) {
				throw new InvalidLifecycleInputException(at + "capacity", "must be a whole number from 1 to 100000");
			}
			capacities.put(segment, (capacity != null) ? ((Number) capacity).intValue() : null);
		}
		Map<CustomerSegment, List<AgreementTerms>> agreed = new LinkedHashMap<>();
		levels.keySet().forEach((segment) -> agreed.put(segment, new ArrayList<>()));
		Set<String> seen = new HashSet<>();
		if (agreementRows.size() > OfferingBook.MAX_AGREEMENTS * levels.size()) {
			throw new InvalidLifecycleInputException(AGREEMENTS,
					"at most " + OfferingBook.MAX_AGREEMENTS + " agreements per offering");
		}
		for (int j = 0; j < agreementRows.size(); j++) {
			Map<String, Object> row = agreementRows.get(j);
			String at = AGREEMENTS + "[" + j + "].";
			CustomerSegment segment = constant(CustomerSegment.class, row.get("segment"), at + "segment");
			if (!levels.containsKey(segment)) {
				throw new InvalidLifecycleInputException(at + "segment",
						"no offering for " + Labels.segment(segment) + " among the offerings above");
			}
			Object metric = row.get("metric");
			if (!(metric instanceof String name) || !name.matches(AgreementTerms.METRIC_PATTERN) || name.length() > 64) {
				throw new InvalidLifecycleInputException(at + "metric",
						"must be lower-case words joined by hyphens, e.g. on-time-delivery");
			}
			if (!seen.add(segment + "/" + name)) {
				throw new InvalidLifecycleInputException(at + "metric",
						"a second agreement on '" + name + "' for " + Labels.segment(segment));
			}
			MetricUnit unit = constant(MetricUnit.class, row.get("unit"), at + "unit");
			Direction direction = constant(Direction.class, row.get("direction"), at + "direction");
			double target = number(row.get("target"), at + "target");
			if (!unit.admits(target)) {
				throw new InvalidLifecycleInputException(at + "target", "must be " + unit.range() + " for " + unit);
			}
			MeasurementPeriod period = (row.get("period") == null) ? MeasurementPeriod.MONTH
					: constant(MeasurementPeriod.class, row.get("period"), at + "period");
			Double margin = (row.get("riskMargin") == null) ? null : number(row.get("riskMargin"), at + "riskMargin");
			if (margin != null && margin < 0) {
				throw new InvalidLifecycleInputException(at + "riskMargin", "must be 0 or more");
			}
			agreed.get(segment).add(new AgreementTerms(segment, name, unit, direction, target, period, null, margin));
		}
		List<OfferingTerms> terms = new ArrayList<>();
		for (Map.Entry<CustomerSegment, OfferingLevel> offering : levels.entrySet()) {
			if (agreed.get(offering.getKey()).isEmpty() && !agreedForEverySegment) {
				throw new InvalidLifecycleInputException(AGREEMENTS, "the offering for "
						+ Labels.segment(offering.getKey()) + " has no performance agreement: add at least one");
			}
			terms.add(new OfferingTerms(offering.getKey(), offering.getValue(), capacities.get(offering.getKey()), null,
					agreed.get(offering.getKey())));
		}
		return terms;
	}

	/** A dynamic list's value as rows of plain values: Tasklist sends JSON, Java callers lists of maps. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rows(Object value, String list) {
		if (value == null) {
			return List.of();
		}
		JsonNode json;
		try {
			if (value instanceof SpinJsonNode spin) {
				json = JSON.readTree(spin.toString());
			}
			else if (value instanceof String text) {
				json = JSON.readTree(text);
			}
			else if (value instanceof Collection<?> collection) {
				json = JSON.valueToTree(collection);
			}
			else {
				throw new InvalidLifecycleInputException(list, "must be a list of rows");
			}
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException ex) {
			throw new InvalidLifecycleInputException(list, "must be a list of rows");
		}
		if (!json.isArray()) {
			throw new InvalidLifecycleInputException(list, "must be a list of rows");
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < json.size(); i++) {
			if (!json.get(i).isObject()) {
				throw new InvalidLifecycleInputException(list + "[" + i + "]", "must be a row of the list's fields");
			}
			rows.add(JSON.convertValue(json.get(i), Map.class));
		}
		return rows;
	}

	private static <E extends Enum<E>> E constant(Class<E> type, Object value, String field) {
		if (value instanceof String text && !text.isBlank()) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(text)) {
					return constant;
				}
			}
			throw new InvalidLifecycleInputException(field, "unknown value '" + text + "'");
		}
		throw new InvalidLifecycleInputException(field, "is required");
	}

	private static double number(Object value, String field) {
		if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
			return number.doubleValue();
		}
		throw new InvalidLifecycleInputException(field, (value == null) ? "is required" : "must be a number");
	}

}
