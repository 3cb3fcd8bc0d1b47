package org.pmo.servicelifecycle.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the layout (README, "Layout"): feature packages import each other without loops and only
 * downwards, and what bends the engine (its internals, {@code org.camunda.bpm.engine.impl..}) stays in the engine
 * seam.
 */
class ArchitectureTests {

	private static final String ROOT = "org.pmo.servicelifecycle";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** Top to bottom: a package imports only packages on a lower level; one level's packages not each other. */
	private static final Map<String, Integer> LEVEL = Map.ofEntries(Map.entry("demo", 9), Map.entry("engine", 8), Map.entry("models", 8),
			Map.entry("security", 7), Map.entry("operations", 7), Map.entry("portfolio", 7), Map.entry("strategy", 6),
			Map.entry("notice", 6), Map.entry("review", 5), Map.entry("customer", 5),
			Map.entry("agreement", 4), Map.entry("lifecycle", 3), Map.entry("catalog", 2), Map.entry("web", 1),
			Map.entry("identity", 0));

	/** Feature packages: {@code catalog}, {@code lifecycle}, {@code security}, … (one slice each). */
	static final ArchRule FEATURE_PACKAGES_WITHOUT_CYCLES = slices().matching(ROOT + ".(*)..")
		.should()
		.beFreeOfCycles();

	/**
	 * Engine internals only in {@code engine}, where the engine is customised. One type is the engine's documented
	 * way for form checks to refuse a field, and the lifecycle's own checks throw it too: Camunda's REST API answers
	 * it with 400 and Tasklist shows its message at the form.
	 */
	static final ArchRule ENGINE_INTERNALS_IN_THE_ENGINE_SEAM = noClasses().that()
		.resideOutsideOfPackages(ROOT + ".engine..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
			.and(not(equivalentTo(FormFieldValidationException.class))));

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
	void featurePackagesImportOnlyDownwards() {
		assertThat(upwardImports(MAIN)).isEmpty();
	}

	@Test
	void everyFeaturePackageHasItsLevel() {
		assertThat(MAIN.stream().map(ArchitectureTests::featureOf).filter((feature) -> feature != null))
			.allSatisfy((feature) -> assertThat(LEVEL).containsKey(feature));
	}

	@Test
	void engineInternalsStayInTheEngineSeam() {
		ENGINE_INTERNALS_IN_THE_ENGINE_SEAM.check(MAIN);
	}

	@Test
	void theEngineRuleFindsAnInternalUsedOutsideTheSeam() {
		JavaClasses internal = new ClassFileImporter().importPackages(ROOT + ".architecture.internal");

		assertThat(ENGINE_INTERNALS_IN_THE_ENGINE_SEAM.evaluate(internal).hasViolation()).isTrue();
	}

	private static List<String> upwardImports(JavaClasses classes) {
		TreeSet<String> found = new TreeSet<>();
		for (JavaClass type : classes) {
			String from = featureOf(type);
			if (from == null) {
				continue;
			}
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				String to = featureOf(dependency.getTargetClass());
				if (to != null && !to.equals(from) && LEVEL.get(to) >= LEVEL.get(from)) {
					found.add(from + " -> " + to + ": " + dependency.getDescription());
				}
			}
		}
		return List.copyOf(found);
	}

	/** The feature package a class belongs to, or null outside them (the application class, libraries). */
	private static String featureOf(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith(ROOT + ".")) {
			return null;
		}
		String rest = name.substring(ROOT.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
