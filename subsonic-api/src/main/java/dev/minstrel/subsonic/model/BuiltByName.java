package dev.minstrel.subsonic.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A wide response record, built by name rather than by position: the compiler generates
 * {@code <Record>Builder} beside it ({@code ChildBuilder.builder().id(..).title(..).build()}, or
 * {@code builder(existing)} to change a few fields of a copy), and a component left unset is null,
 * which the writers leave out of the answer. Adding a field is then one component in the record.
 */
@RecordBuilder.Template(options = @RecordBuilder.Options(enableWither = false, enableGetters = false,
        addStaticBuilder = false))
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface BuiltByName {
}
