package org.pmo.servicelifecycle.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js) as Tasklist renders it, inside a task or the start dialog; fields are found by their label
 * as a person reads it.
 */
public final class CamundaForm {

	private final Browser browser;

	/** CSS selector of the element that holds the form: the task view or the start dialog. */
	private final String scope;

	CamundaForm(Browser browser, String scope) {
		this.browser = browser;
		this.scope = scope;
		browser.visible(By.cssSelector(scope + " form.fjs-form .fjs-form-field"));
	}

	/** A text field or text area. */
	public CamundaForm text(String label, String value) {
		return text(label, 0, value);
	}

	/** The text field with this label in the given row of a dynamic list (0 for the first). */
	public CamundaForm text(String label, int row, String value) {
		return typed(label, row, value, "input, textarea");
	}

	/**
	 * Types into the field and waits until the form holds the text: form-js renders a dynamic list's rows anew as
	 * values change, and a keystroke that arrives while it does is lost, so the text is typed again until it holds.
	 */
	private CamundaForm typed(String label, int row, String value, String input) {
		for (int attempt = 1;; attempt++) {
			this.browser.type(field(label, row).findElement(By.cssSelector(input)), value);
			this.browser.blurActiveElement();
			try {
				this.browser.waitUntil(label + " (" + row + ") holds " + value, Duration.ofSeconds(2),
						(d) -> value.equals(values(label).get(row)));
				return this;
			}
			catch (TimeoutException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/** A date field, typed as its date picker takes and shows it (month/day/year). */
	public CamundaForm date(String label, LocalDate day) {
		return typed(label, 0, day.format(DateTimeFormatter.ofPattern("M/d/yyyy")), "input.flatpickr-input");
	}

	public CamundaForm number(String label, Number value) {
		return number(label, 0, value);
	}

	public CamundaForm number(String label, int row, Number value) {
		return typed(label, row, String.valueOf(value), ".fjs-form-field-number input, input");
	}

	/** A select: opens its dropdown and picks the option with that label. */
	public CamundaForm select(String label, String option) {
		return select(label, 0, option);
	}

	public CamundaForm select(String label, int row, String option) {
		this.browser.blurActiveElement();
		this.browser.click(field(label, row).findElement(By.cssSelector(".fjs-input-group")));
		By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + Xpath.literal(option)
				+ "]");
		this.browser.click(item);
		this.browser.waitUntil(label + " shows " + option, (d) -> option.equals(values(label).get(row)));
		return this;
	}

	/** Adds a row to the dynamic list whose label starts with {@code listLabel}, with its "Add new" button. */
	public CamundaForm addRow(String listLabel) {
		int before = rows(listLabel);
		WebElement add = this.browser.waitUntil("the Add button of " + listLabel, (d) -> (WebElement) this.browser
			.script("""
					var label = arguments[1];
					var lists = Array.from(document.querySelectorAll(arguments[0] + ' .fjs-form-field'))
					  .filter(function (field) { return field.querySelector('.fjs-repeat-render-add'); })
					  .filter(function (field) { return field.textContent.trim().indexOf(label) === 0; });
					return lists.length ? lists[lists.length - 1].querySelector('.fjs-repeat-render-add') : null;""",
					this.scope, listLabel));
		this.browser.click(add);
		this.browser.waitUntil(listLabel + " has a new row", (d) -> rows(listLabel) > before);
		return this;
	}

	/** How many rows the dynamic list whose label starts with {@code listLabel} shows. */
	public int rows(String listLabel) {
		return ((Number) this.browser.script("""
				var label = arguments[1];
				var lists = Array.from(document.querySelectorAll(arguments[0] + ' .fjs-form-field'))
				  .filter(function (field) { return field.querySelector('.fjs-repeat-row-container'); })
				  .filter(function (field) { return field.textContent.trim().indexOf(label) === 0; });
				if (!lists.length) { return 0; }
				var list = lists[lists.length - 1];
				return list.querySelectorAll('.fjs-repeat-row-container').length;""", this.scope, listLabel))
			.intValue();
	}

	/** A radio group: picks the option with that label. */
	public CamundaForm choose(String label, String option) {
		return tick(label, option);
	}

	/** A checklist: ticks each option with one of these labels. */
	public CamundaForm check(String label, String... options) {
		for (String option : options) {
			tick(label, option);
		}
		return this;
	}

	/** What the field shows (input, text area or the chosen option of a select). */
	public String value(String label) {
		WebElement field = field(label);
		List<WebElement> display = field.findElements(By.cssSelector(".fjs-select-display"));
		if (!display.isEmpty()) {
			return display.get(0).getText().trim();
		}
		return field.findElement(By.cssSelector("input, textarea")).getDomProperty("value");
	}

	/** What every field with this label shows, in the form's order: one per row of a dynamic list. */
	@SuppressWarnings("unchecked")
	public List<String> values(String label) {
		return (List<String>) this.browser.script("""
				var label = arguments[1];
				return Array.from(document.querySelectorAll(arguments[0] + ' .fjs-form-field'))
				  .filter(function (field) {
				    var name = field.querySelector('label');
				    return name && name.childNodes[0] && name.childNodes[0].textContent.trim() === label;
				  })
				  .map(function (field) {
				    var display = field.querySelector('.fjs-select-display');
				    if (display) { return display.innerText.trim(); }
				    var input = field.querySelector('input, textarea');
				    return input ? input.value : '';
				  });""", this.scope, label);
	}

	/** The validation message shown under each field, by the field's label. */
	@SuppressWarnings("unchecked")
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		List<List<String>> rows = (List<List<String>>) this.browser.script("""
				return Array.from(document.querySelectorAll(arguments[0] + ' .fjs-form-field'))
				  .filter(function (field) { return field.querySelector('.fjs-form-field-error'); })
				  .map(function (field) {
				    var label = field.querySelector('label');
				    return [label ? label.childNodes[0].textContent.trim() : '',
				      field.querySelector('.fjs-form-field-error').innerText.trim()];
				  });""", this.scope);
		rows.forEach((row) -> errors.put(row.get(0), row.get(1)));
		return errors;
	}

	/** Waits until the form shows a validation message for each of these fields. */
	public Map<String, String> waitForErrors(String... labels) {
		return this.browser.waitUntil("validation messages of " + List.of(labels), (d) -> {
			Map<String, String> errors = errors();
			return errors.keySet().containsAll(List.of(labels)) ? errors : null;
		});
	}

	private CamundaForm tick(String label, String option) {
		By input = By.xpath(".//label[normalize-space(.)=" + Xpath.literal(option) + "]//input");
		// leaving a field validates it, and its message coming or going moves the fields below: leave it first
		this.browser.blurActiveElement();
		for (int attempt = 1; !field(label).findElement(input).isSelected(); attempt++) {
			this.browser.click(field(label).findElement(input));
			try {
				this.browser.waitUntil(label + ": " + option + " ticked", Duration.ofSeconds(2),
						(d) -> field(label).findElement(input).isSelected());
			}
			catch (TimeoutException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
		return this;
	}

	private WebElement field(String label) {
		return field(label, 0);
	}

	/** The field with this label; in a dynamic list, the one of the given row. */
	private WebElement field(String label, int row) {
		String named = "[normalize-space(text()[1])=" + Xpath.literal(label) + "]";
		// a date field holds its label in a subsection of its own
		By by = By.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]" + "[label[1]"
				+ named + " or *[contains(@class,'fjs-vertical-group')]/*[contains(@class,'fjs-datetime-subsection')]/label"
				+ named + "]");
		return this.browser.waitUntil("field " + label + " (" + row + ") in " + this.scope, (d) -> d
			.findElements(By.cssSelector(this.scope))
			.stream()
			.filter(WebElement::isDisplayed)
			.flatMap((scope) -> scope.findElements(by).stream())
			.skip(row)
			.findFirst()
			.orElse(null));
	}

}
