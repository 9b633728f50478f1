package dev.minstrel.subsonic.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scalar that the XSD declares as a child element (artistInfo's {@code biography}, ...)
 * rather than an attribute, which is what every other scalar of the model becomes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ChildElement {
}
