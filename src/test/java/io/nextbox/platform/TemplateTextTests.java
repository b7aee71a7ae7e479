package io.nextbox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a person reads comes from messages.properties, so the portal can be translated and reworded. */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

	private static final Pattern READABLE_ATTRIBUTE = Pattern
		.compile("\\s(?:title|placeholder|alt|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.]+)");

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			String html = withoutCommentsScriptsAndStyles(Files.readString(template));
			collect(problems, template, TEXT_BETWEEN_TAGS.matcher(html));
			collect(problems, template, READABLE_ATTRIBUTE.matcher(html));
		}
		assertThat(problems).as("hard-coded text; use th:text=\"#{...}\"").isEmpty();
	}

	@Test
	void everyMessageKeyATemplateNamesExists() throws IOException {
		Properties messages = new Properties();
		try (var reader = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"))) {
			messages.load(reader);
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				if (!messages.containsKey(keys.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static String withoutCommentsScriptsAndStyles(String html) {
		return html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<script.*?</script>", "")
			.replaceAll("(?s)<style.*?</style>", "");
	}

	private static void collect(List<String> problems, Path template, Matcher matcher) {
		while (matcher.find()) {
			String text = matcher.group(1).trim();
			if (!text.isEmpty() && !text.startsWith("[[") && !text.contains("${") && !text.contains("#{")) {
				problems.add(TEMPLATES.relativize(template) + ": \"" + text + "\"");
			}
		}
	}

}
