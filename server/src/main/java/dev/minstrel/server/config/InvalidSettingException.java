package dev.minstrel.server.config;

/**
 * A setting's value that a settings record refuses in its compact constructor (see
 * {@link SettingChecks}). {@link OneLineFailureReporter} names it in one line after the prefix being
 * bound, without the value, which may be a password.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    /**
     * @param setting the setting's name inside its record, as written in the configuration
     *                ({@code scan-threads}, not {@code scanThreads})
     * @param reason  what is wrong, in plain words ("must be less than or equal to 16")
     */
    public InvalidSettingException(String setting, String reason) {
        super(reason);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
