package dev.minstrel.subsonic.model;

/** An OpenSubsonic {@code {name}} item (genres, record labels). */
public record Name(String name) {
}
