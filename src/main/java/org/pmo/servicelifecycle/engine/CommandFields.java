package org.pmo.servicelifecycle.engine;

import java.lang.reflect.Field;

/**
 * Reads what a Camunda command was asked to do (task id, submitted variables, …) before it runs. The engine's
 * commands keep these in protected fields; Camunda 7.24 is the final community release, so their names are fixed.
 */
final class CommandFields {

	private CommandFields() {
	}

	@SuppressWarnings("unchecked")
	static <T> T read(Object command, String name) {
		for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (T) field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// declared further up
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), ex);
			}
		}
		throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
	}

}
