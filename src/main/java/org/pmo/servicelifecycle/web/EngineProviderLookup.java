package org.pmo.servicelifecycle.web;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's REST resources find the process engine through {@code ServiceLoader} at every lookup: the login filter
 * and each resource the request builds. Each lookup asks the web application's class loader for
 * {@code META-INF/services/...ProcessEngineProvider}, and that loader searches every jar of the application for it:
 * 10 % of the request threads' time on an inbox page. During a request to the engine's APIs the class loader of the
 * thread is one that keeps the answer for service files, which do not change while the application runs; it loads
 * every class and every other resource through the web application's loader, as before.
 */
@Configuration(proxyBeanMethods = false)
class EngineProviderLookup {

	@Bean
	FilterRegistrationBean<ServiceFilesKept> serviceFilesKept(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<ServiceFilesKept> registration = new FilterRegistrationBean<>(new ServiceFilesKept());
		registration.setName("pmo-engine-provider-lookup");
		registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Sets the keeping class loader for the request, and the thread's own back afterwards. */
	static final class ServiceFilesKept implements Filter {

		private final Map<ClassLoader, ServiceFilesClassLoader> loaders = new ConcurrentHashMap<>();

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			Thread thread = Thread.currentThread();
			ClassLoader own = thread.getContextClassLoader();
			if (own == null || own instanceof ServiceFilesClassLoader) {
				chain.doFilter(request, response);
				return;
			}
			thread.setContextClassLoader(this.loaders.computeIfAbsent(own, ServiceFilesClassLoader::new));
			try {
				chain.doFilter(request, response);
			}
			finally {
				thread.setContextClassLoader(own);
			}
		}

	}

	/** A class loader that asks its parent for everything, and for each service file only once. */
	static final class ServiceFilesClassLoader extends ClassLoader {

		static final String SERVICE_FILES = "META-INF/services/";

		static {
			registerAsParallelCapable();
		}

		private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

		ServiceFilesClassLoader(ClassLoader parent) {
			super("pmo-service-files", parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (!name.startsWith(SERVICE_FILES)) {
				return getParent().getResources(name);
			}
			List<URL> urls = this.serviceFiles.get(name);
			if (urls == null) {
				urls = List.copyOf(Collections.list(getParent().getResources(name)));
				this.serviceFiles.putIfAbsent(name, urls);
			}
			return Collections.enumeration(urls);
		}

	}

}
