package org.pmo.servicelifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every model, decision and form says which Modeler release wrote it, as Modeler itself does. */
class ModelExportersTests {

	private static final Pattern XML_EXPORTER = Pattern
		.compile("exporter=\"Camunda Modeler\"\\s+exporterVersion=\"(\\d+\\.\\d+\\.\\d+)\"");

	private static final Pattern FORM_EXPORTER = Pattern
		.compile("\"exporter\":\\s*\\{\\s*\"name\":\\s*\"Camunda Modeler\",\\s*\"version\":\\s*\"(\\d+\\.\\d+\\.\\d+)\"");

	@Test
	void everyFileNamesARealModelerRelease() throws IOException {
		List<Path> files;
		try (Stream<Path> all = Stream.of("bpmn", "dmn", "forms").flatMap(ModelExportersTests::list)) {
			files = all.toList();
		}
		assertThat(files).hasSizeGreaterThan(15).allSatisfy((file) -> {
			String text = Files.readString(file);
			Matcher exporter = (file.toString().endsWith(".form") ? FORM_EXPORTER : XML_EXPORTER).matcher(text);
			assertThat(exporter.find()).as(file + " names Camunda Modeler and its release").isTrue();
		});
	}

	private static Stream<Path> list(String folder) {
		try {
			return Files.list(Path.of(folder)).toList().stream();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
