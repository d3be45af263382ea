/** The auto-configuration that wires the starter into a Spring Boot servlet application. */
@NullMarked
package dev.gatehouse.starter.autoconfigure;

import org.jspecify.annotations.NullMarked;
