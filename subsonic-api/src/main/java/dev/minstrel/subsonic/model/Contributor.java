package dev.minstrel.subsonic.model;

/** An OpenSubsonic contributor: a role ("composer") and the credited artist. */
public record Contributor(String role, String subRole, IdName artist) {
}
