package org.pmo.servicelifecycle.strategy;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Another service this one needs (REQUIRES: only with it) or works better with (COMPLEMENTS: synergy). */
@Embeddable
public class ServiceDependency {

	/** The other service's catalog id. */
	@Column(name = "other_service")
	private Long otherService;

	@Enumerated(EnumType.STRING)
	private DependencyKind kind;

	protected ServiceDependency() {
	}

	ServiceDependency(Long otherService, DependencyKind kind) {
		this.otherService = otherService;
		this.kind = kind;
	}

	public Long getOtherService() {
		return this.otherService;
	}

	public DependencyKind getKind() {
		return this.kind;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ServiceDependency that && Objects.equals(this.otherService, that.otherService)
				&& this.kind == that.kind;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.otherService, this.kind);
	}

	public enum DependencyKind {

		REQUIRES, COMPLEMENTS

	}

}
