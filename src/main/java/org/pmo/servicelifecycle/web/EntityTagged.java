package org.pmo.servicelifecycle.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint of a resource that can be changed: its answers carry the resource's {@code ETag}, and a GET that names
 * the current tag in {@code If-None-Match} is answered 304. Its changes go through {@link ResourceTags#change}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface EntityTagged {

}
