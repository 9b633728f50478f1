package dev.minstrel.server.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    @Test
    void keyFileIsCreatedOnceReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data/secret.key");
        String sealed = SecretBox.fromKeyFile(keyFile).seal("hunter2");

        assertThat(Files.getPosixFilePermissions(keyFile))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(SecretBox.fromKeyFile(keyFile).open(sealed)).isEqualTo("hunter2");
    }

    @Test
    void sealedTextRevealsNothingAndDiffersEveryTime(@TempDir Path dir) {
        SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));

        String first = box.seal("correct horse");
        String second = box.seal("correct horse");

        assertThat(first).doesNotContain("correct").isNotEqualTo(second);
        assertThat(box.open(first)).isEqualTo(box.open(second)).isEqualTo("correct horse");
    }

    @Test
    void anotherKeyCannotOpenIt(@TempDir Path dir) {
        String sealed = SecretBox.fromKeyFile(dir.resolve("a.key")).seal("secret");

        assertThatThrownBy(() -> SecretBox.fromKeyFile(dir.resolve("b.key")).open(sealed))
                .hasMessageContaining("does not open with this key");
    }
}
