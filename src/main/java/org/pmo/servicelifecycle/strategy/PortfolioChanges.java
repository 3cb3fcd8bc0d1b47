package org.pmo.servicelifecycle.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;

/**
 * The board's changes to the advice, as its form takes them: one line per service, its code, the decision and the
 * reason ({@code SVC-0008 keep Needed for next year's audit}). A change needs its reason; every line must name a
 * service of the review once, with a decision its stage allows.
 */
final class PortfolioChanges {

	private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+([A-Za-z]+)\\b[\\s:—–-]*(.*)$");

	private PortfolioChanges() {
	}

	/** Code → { decision, reason } for each line. */
	static Map<String, String[]> parse(String text, List<PortfolioRecommendation.Line> advice) {
		Map<String, PortfolioRecommendation.Line> byCode = new LinkedHashMap<>();
		advice.forEach((line) -> byCode.put(line.code(), line));
		Map<String, String[]> changes = new LinkedHashMap<>();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String where = "line " + (i + 1) + ": ";
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				throw invalid(where + "write the service's code, the decision and the reason");
			}
			String code = matcher.group(1).toUpperCase(java.util.Locale.ROOT);
			PortfolioRecommendation.Line recommended = byCode.get(code);
			if (recommended == null) {
				throw invalid(where + code + " is not in this review");
			}
			if (changes.containsKey(code)) {
				throw invalid(where + code + " is named twice");
			}
			PortfolioChoice decision = PortfolioChoice.of(matcher.group(2).toLowerCase(java.util.Locale.ROOT));
			Set<PortfolioChoice> allowed = PortfolioScope.choicesFor(Stage.valueOf(recommended.stage()));
			if (decision == null || !allowed.contains(decision)) {
				throw invalid(where + "for " + code + " in " + recommended.stage() + " choose one of "
						+ allowed.stream().map(PortfolioChoice::value).toList());
			}
			String reason = matcher.group(3).strip();
			if (reason.length() > PortfolioReviewSteps.MAX_REASON) {
				throw invalid(where + "the reason is longer than " + PortfolioReviewSteps.MAX_REASON + " characters");
			}
			if (decision != recommended.recommendation() && reason.isEmpty()) {
				throw invalid(where + "say why " + code + " is to " + decision.value() + " rather than "
						+ recommended.recommendation().value() + " as recommended");
			}
			changes.put(code, new String[] { decision.value(), reason });
		}
		return changes;
	}

	private static InvalidLifecycleInputException invalid(String problem) {
		return new InvalidLifecycleInputException(PortfolioReviewProcess.Variables.CHANGES, problem);
	}

}
