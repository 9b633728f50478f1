package dev.minstrel.server;

import dev.minstrel.server.backup.Restore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.List;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MinstrelApplication {

    /** {@code java -jar minstrel.jar} serves; {@code java -jar minstrel.jar restore <backup.zip>} restores a backup. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(Restore.run(List.of(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(MinstrelApplication.class, args);
    }
}
