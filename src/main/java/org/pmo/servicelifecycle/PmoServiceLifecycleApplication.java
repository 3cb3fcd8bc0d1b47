package org.pmo.servicelifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Every {@code pmo.*} setting is a typed record next to the feature it configures (…Settings). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PmoServiceLifecycleApplication {

	public static void main(String[] args) {
		SpringApplication.run(PmoServiceLifecycleApplication.class, args);
	}

}
