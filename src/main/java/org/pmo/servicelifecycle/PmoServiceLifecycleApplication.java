package org.pmo.servicelifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PmoServiceLifecycleApplication {

	public static void main(String[] args) {
		SpringApplication.run(PmoServiceLifecycleApplication.class, args);
	}

}
