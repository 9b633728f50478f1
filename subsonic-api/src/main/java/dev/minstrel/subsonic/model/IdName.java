package dev.minstrel.subsonic.model;

/** An OpenSubsonic artist credit {@code {id,name}}. */
public record IdName(String id, String name) {
}
