package org.pmo.servicelifecycle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the layout: feature packages import each other without loops, and what bends the engine
 * (its internals, {@code org.camunda.bpm.engine.impl..}) stays in the packages that customise it.
 */
class ArchitectureTests {

	private static final String ROOT = "org.pmo.servicelifecycle";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** Feature packages: {@code catalog}, {@code lifecycle}, {@code security}, … (one slice each). */
	static final ArchRule FEATURE_PACKAGES_WITHOUT_CYCLES = slices().matching(ROOT + ".(*)..")
		.should()
		.beFreeOfCycles();

	/**
	 * Engine internals only in {@code engine}, where the engine is customised. The few uses left elsewhere (the
	 * current authentication's type, the engine clock, duration parsing, the form validation exception) are recorded
	 * in src/test/resources/archunit_store and may only shrink: a new one fails the build.
	 */
	static final ArchRule ENGINE_INTERNALS_IN_THE_ENGINE_SEAM = FreezingArchRule.freeze(noClasses().that()
		.resideOutsideOfPackages(ROOT + ".engine..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.camunda.bpm.engine.impl.."));

	@Test
	void featurePackagesImportEachOtherWithoutLoops() {
		FEATURE_PACKAGES_WITHOUT_CYCLES.check(MAIN);
	}

	@Test
	void theCycleRuleFindsADeliberateCycle() {
		JavaClasses cyclic = new ClassFileImporter().importPackages(ROOT + ".architecture.cycle");

		assertThat(slices().matching(ROOT + ".architecture.cycle.(*)..").should().beFreeOfCycles().evaluate(cyclic)
			.hasViolation()).isTrue();
	}

	@Test
	void engineInternalsAreUsedNowhereNew() {
		ENGINE_INTERNALS_IN_THE_ENGINE_SEAM.check(MAIN);
	}

}
