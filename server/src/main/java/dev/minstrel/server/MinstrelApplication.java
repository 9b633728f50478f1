package dev.minstrel.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MinstrelApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinstrelApplication.class, args);
    }
}
