package dev.minstrel.library.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CleanTextTest {

    @Test
    void controlCharactersAndWhatXmlCannotCarryAreRemoved() {
        assertThat(CleanText.of("Mix\u0001\u0008\u001B\u007F\u0085\uFFFE\uFFFF\uD800 tape\uDC00"))
                .isEqualTo("Mix tape");
    }

    @Test
    void tabsLineBreaksAndEveryScriptStay() {
        String text = "Line one\n\tLine two\r\nBeyoncé — 東京 🎸";
        assertThat(CleanText.of(text)).isSameAs(text);
        assertThat(CleanText.of(null)).isNull();
    }
}
