package dev.minstrel.library.catalogue;

/** A genre with the number of songs and albums tagged with it. */
public record Genre(String name, int songCount, int albumCount) {
}
