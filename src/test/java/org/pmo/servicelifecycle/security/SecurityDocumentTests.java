package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.engine.EngineAllowlist;

/**
 * docs/security.md says exactly what the grants are and what the engine allowlist admits: both sections are derived
 * here from the running engine's authorizations and from {@link EngineAllowlist}, and must equal the document.
 * When they differ, the derived text is written to target/ to be copied into the document.
 */
class SecurityDocumentTests extends WebTestSupport {

	private static final Path DOCUMENT = Path.of("docs/security.md");


	@Test
	void theRoleMatrixIsTheEnginesGrants() throws IOException {
		assertSection("grants", grants());
	}

	@Test
	void theAllowlistIsTheCodes() throws IOException {
		assertSection("allowlist", allowlist());
	}

	private String grants() {
		Map<String, String> filterNames = this.engine.getFilterService()
			.createFilterQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(Filter::getId, Filter::getName));
		TreeSet<String> rows = new TreeSet<>();
		for (Authorization grant : this.engine.getAuthorizationService()
			.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.list()) {
			if (grant.getGroupId() == null) {
				// a user's rows on his own account and on his tasks: Camunda's, per person
				continue;
			}
			Resource resource = resourceOf(grant.getResourceType());
			String id = (resource == Resources.FILTER && filterNames.containsKey(grant.getResourceId()))
					? "filter \"" + filterNames.get(grant.getResourceId()) + "\""
					: grant.getResourceId();
			List<String> permissions = Arrays
				.stream(grant.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType())))
				.map(Permission::getName)
				.filter((name) -> !"NONE".equals(name))
				.distinct()
				.toList();
			if (permissions.contains("ALL")) {
				permissions = List.of("ALL");
			}
			rows.add("| `" + grant.getGroupId() + "` | " + resource.resourceName() + " | " + id + " | "
					+ String.join(", ", permissions) + " |");
		}
		return "| group | resource | id | permissions |\n|---|---|---|---|\n" + String.join("\n", rows);
	}

	private static String allowlist() {
		StringBuilder text = new StringBuilder("| operation | who | engine REST endpoints |\n|---|---|---|\n");
		EngineAllowlist.PERMITS.values()
			.stream()
			.filter((permit) -> !"read".equals(permit.operation()))
			.distinct()
			.sorted((a, b) -> a.operation().compareTo(b.operation()))
			.forEach((permit) -> text.append("| ")
				.append(permit.operation())
				.append(" | ")
				.append(permit.groups().isEmpty() ? "every signed-in person"
						: permit.groups().stream().sorted().map((group) -> "`" + group + "`").collect(Collectors.joining(", ")))
				.append(" | ")
				.append(permit.endpoints().stream().map((endpoint) -> "`" + endpoint + "`").collect(Collectors.joining("<br>")))
				.append(" |\n"));
		text.append("\nReads (every signed-in person; the grants above and the candidate rule decide which rows): ");
		text.append(EngineAllowlist.readCommands()
			.stream()
			.map((name) -> "`" + name.substring(name.lastIndexOf('.') + 1) + "`")
			.sorted()
			.collect(Collectors.joining(", ")));
		return text.append('.').toString();
	}

	private static void assertSection(String name, String derived) throws IOException {
		String document = Files.readString(DOCUMENT);
		String start = "<!-- " + name + ":start -->\n";
		String end = "\n<!-- " + name + ":end -->";
		int from = document.indexOf(start);
		int to = document.indexOf(end);
		assertThat(from).as("docs/security.md has the section " + start.strip()).isNotNegative();
		String written = document.substring(from + start.length(), to);
		if (!written.equals(derived)) {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/security-" + name + ".md"), derived);
		}
		assertThat(written).as("docs/security.md section '" + name + "' (the derived text is in target/security-"
				+ name + ".md)").isEqualTo(derived);
	}

	private static Resource resourceOf(int type) {
		return Arrays.stream(Resources.values()).filter((resource) -> resource.resourceType() == type).findFirst()
			.orElseThrow();
	}

}
