package org.pmo.servicelifecycle.web;

import java.util.List;

/** A request refused for several reasons at once, such as a deployment with problems in its models: answered 400. */
public interface RefusedWithProblems {

	String getMessage();

	/** Each problem in words, naming the file and the element it is about. */
	List<String> problems();

}
