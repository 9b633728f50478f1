package dev.minstrel.server.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a failed start-up as one line a person can act on ("minstrel.port: must be less than or
 * equal to 65535 (value "70000" from System Environment Property "MINSTREL_PORT")") instead of
 * Boot's banner of several paragraphs. Boot's own reporter is silenced in application.yml.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("Minstrel cannot start: " + describe(analysis));
    }

    static String describe(FailureAnalysis analysis) {
        for (Throwable cause = analysis.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException validation) {
                StringBuilder line = new StringBuilder();
                for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                    String name = validation.getValidationErrors().getName() + "."
                            + (error instanceof FieldError field ? field.getField() : error.getObjectName());
                    line.append(line.isEmpty() ? "" : "; ").append(name).append(": ").append(error.getDefaultMessage());
                }
                return line.toString();
            }
            if (cause instanceof BindException bind) {
                ConfigurationProperty property = bind.getProperty();
                String reason = rootMessage(bind);
                if (property == null) {
                    return bind.getName() + ": " + reason;
                }
                return property.getName() + ": " + reason + " (value \"" + property.getValue() + "\" from "
                        + property.getOrigin() + ")";
            }
        }
        return firstLine(analysis.getDescription()) + (analysis.getAction() == null ? ""
                : " " + firstLine(analysis.getAction()));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse(text);
    }
}
