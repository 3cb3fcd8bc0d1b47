package org.pmo.servicelifecycle.engine;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.reflection.Reflector;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;

/**
 * The engine's queries read their criteria in MyBatis' expressions without searching the query class each time.
 * Where a criterion has no getter ({@code isOrQueryActive}, {@code isWithoutTenantId} on the task query), the
 * expression language looks for a method of that name among all of the class's hundreds of methods, remembers
 * nothing, and does it again at the next read: 7 % of a Tasklist inbox request's time. Here the method or field it
 * finds is kept per class and name; what is read, and from where, stays the expression language's choice.
 */
final class QueryPropertyReads extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// the expression language's member access opens non-public fields only where reflection may
		if (Reflector.canControlMemberAccessible()) {
			OgnlRuntime.setPropertyAccessor(ListQueryParameterObject.class, new KeptReads());
		}
	}

	static final class KeptReads extends ObjectPropertyAccessor {

		private static final Object NOT_FOUND = new Object();

		private final Map<Class<?>, Map<String, Object>> reads = new ConcurrentHashMap<>();

		@Override
		public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
			Object read = this.reads.computeIfAbsent(target.getClass(), (type) -> new ConcurrentHashMap<>())
				.computeIfAbsent(name, (property) -> resolve(target.getClass(), property));
			try {
				if (read instanceof Method method) {
					return method.invoke(target);
				}
				if (read instanceof Field field) {
					return field.get(target);
				}
				return OgnlRuntime.NotFound;
			}
			catch (InvocationTargetException ex) {
				throw new OgnlException(name, ex.getTargetException());
			}
			catch (IllegalAccessException ex) {
				throw new OgnlException(name, ex);
			}
		}

		/** The getter, else the method a read would call, else the field: the expression language's own order. */
		private static Object resolve(Class<?> type, String name) {
			Method method = OgnlRuntime.getGetMethod(type, name);
			if (method == null) {
				method = OgnlRuntime.getReadMethod(type, name, null);
			}
			Method callable = (method != null) ? accessible(method) : null;
			if (callable != null) {
				return callable;
			}
			Field field = OgnlRuntime.getField(type, name);
			if (field == null || Modifier.isStatic(field.getModifiers())) {
				return NOT_FOUND;
			}
			try {
				// a copy of its own, so that the expression language's access to the same field is left as it is
				Field own = field.getDeclaringClass().getDeclaredField(field.getName());
				return own.trySetAccessible() ? own : NOT_FOUND;
			}
			catch (NoSuchFieldException ex) {
				return NOT_FOUND;
			}
		}

		/** As the expression language's own call does: a method of a class outside reach is made accessible. */
		private static Method accessible(Method method) {
			if (Modifier.isPublic(method.getModifiers()) && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
				return method;
			}
			try {
				Method own = method.getDeclaringClass().getDeclaredMethod(method.getName(), method.getParameterTypes());
				return own.trySetAccessible() ? own : null;
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

	}

}
