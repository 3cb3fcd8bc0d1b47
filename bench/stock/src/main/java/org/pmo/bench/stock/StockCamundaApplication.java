package org.pmo.bench.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Camunda 7.24.0 as the Spring Boot starter sets it up: no engine settings of its own. The benchmark gives it its
 * database through {@code SPRING_DATASOURCE_URL} and deploys the bare process over the REST API.
 */
@SpringBootApplication
public class StockCamundaApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockCamundaApplication.class, args);
	}

}
