package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.web.EngineProviderLookup.ServiceFilesClassLoader;
import org.pmo.servicelifecycle.web.EngineProviderLookup.ServiceFilesKept;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EngineProviderLookupTests {

	private static final String PROVIDER_FILE = ServiceFilesClassLoader.SERVICE_FILES
			+ ProcessEngineProvider.class.getName();

	/** The application's own class loader, counting the searches it is asked for. */
	static final class CountingLoader extends ClassLoader {

		final AtomicInteger searches = new AtomicInteger();

		CountingLoader() {
			super(EngineProviderLookupTests.class.getClassLoader());
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			this.searches.incrementAndGet();
			return super.getResources(name);
		}

	}

	@Test
	void aServiceFileIsSearchedForOnceAndFoundAlike() throws Exception {
		CountingLoader application = new CountingLoader();
		ServiceFilesClassLoader kept = new ServiceFilesClassLoader(application);
		List<URL> first = Collections.list(kept.getResources(PROVIDER_FILE));
		List<URL> second = Collections.list(kept.getResources(PROVIDER_FILE));

		assertThat(first).isNotEmpty().isEqualTo(Collections.list(application.getResources(PROVIDER_FILE)));
		assertThat(second).isEqualTo(first);
		assertThat(application.searches).hasValue(2);
	}

	@Test
	void otherResourcesAndClassesComeFromTheApplicationsLoaderEachTime() throws Exception {
		CountingLoader application = new CountingLoader();
		ServiceFilesClassLoader kept = new ServiceFilesClassLoader(application);
		kept.getResources("META-INF/MANIFEST.MF");
		kept.getResources("META-INF/MANIFEST.MF");

		assertThat(application.searches).hasValue(2);
		assertThat(kept.loadClass(ProcessEngineProvider.class.getName())).isSameAs(ProcessEngineProvider.class);
	}

	@Test
	void theRequestRunsWithTheKeepingLoaderAndTheThreadGetsItsOwnBack() throws Exception {
		ServiceFilesKept filter = new ServiceFilesKept();
		ClassLoader own = Thread.currentThread().getContextClassLoader();
		AtomicReference<ClassLoader> during = new AtomicReference<>();
		AtomicReference<ClassLoader> duringNext = new AtomicReference<>();

		filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, response) -> during.set(Thread.currentThread().getContextClassLoader()));
		filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, response) -> duringNext.set(Thread.currentThread().getContextClassLoader()));

		assertThat(during.get()).isInstanceOf(ServiceFilesClassLoader.class);
		assertThat(during.get().getParent()).isSameAs(own);
		assertThat(duringNext.get()).isSameAs(during.get());
		assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
	}

	@Test
	void theEngineRestApiFindsItsEngineProviderThroughTheKeepingLoader() throws Exception {
		CountingLoader application = new CountingLoader();
		ServiceFilesClassLoader kept = new ServiceFilesClassLoader(application);
		ClassLoader own = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(kept);
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(java.util.ServiceLoader.load(ProcessEngineProvider.class).findFirst()).isPresent();
			}
		}
		finally {
			Thread.currentThread().setContextClassLoader(own);
		}
		assertThat(application.searches).hasValue(1);
	}

}
