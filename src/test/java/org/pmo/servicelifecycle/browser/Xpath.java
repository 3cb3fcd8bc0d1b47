package org.pmo.servicelifecycle.browser;

/** XPath string literals for text that may hold quotes, as in "Portfolio board's tasks". */
final class Xpath {

	private Xpath() {
	}

	static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
