package dev.minstrel.server.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start-up as one line a person can act on ("minstrel.port: must be less than or
 * equal to 65535"; "minstrel.library.scan-interval: ... (value "often" from System Environment
 * Property "MINSTREL_LIBRARY_SCAN_INTERVAL")") instead of Boot's banner of several paragraphs. Boot's own reporter is silenced in application.properties.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("Minstrel cannot start: " + describe(analysis));
    }

    static String describe(FailureAnalysis analysis) {
        for (Throwable cause = analysis.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && rootCause(bind) instanceof InvalidSettingException invalid) {
                // a settings record refused a value: named without it (it may be a password)
                return bind.getName() + "." + invalid.setting() + ": " + invalid.getMessage();
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
        Throwable root = rootCause(error);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse(text);
    }
}
