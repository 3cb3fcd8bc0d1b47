package org.pmo.servicelifecycle.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/**
 * What a client sends to define an agreement. {@code segment} left out: the agreement holds for every offering of
 * the service; {@code period} left out: measured monthly; {@code riskMargin}: how close to the target (in the
 * metric's unit) a met value is shown at risk, left out for no such warning.
 */
public record AgreementTerms(CustomerSegment segment,
		@NotBlank @Size(max = 64) @Pattern(regexp = METRIC_PATTERN,
				message = "must be lower-case words joined by hyphens, e.g. on-time-delivery") String metric,
		@NotNull MetricUnit unit, @NotNull Direction direction, @NotNull Double target, MeasurementPeriod period,
		@Size(max = 255) String description, @PositiveOrZero Double riskMargin) {

	static final String METRIC_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

	public AgreementTerms(CustomerSegment segment, String metric, MetricUnit unit, Direction direction, Double target,
			MeasurementPeriod period, String description) {
		this(segment, metric, unit, direction, target, period, description, null);
	}

	MeasurementPeriod periodOrDefault() {
		return (this.period != null) ? this.period : MeasurementPeriod.MONTH;
	}

	/** These terms; left without a description, with the one given. */
	AgreementTerms describedAs(String kept) {
		return (this.description != null) ? this
				: new AgreementTerms(this.segment, this.metric, this.unit, this.direction, this.target, this.period, kept,
						this.riskMargin);
	}

	AgreementTerms forSegment(CustomerSegment offered) {
		return new AgreementTerms(offered, this.metric, this.unit, this.direction, this.target, this.period,
				this.description, this.riskMargin);
	}

}
