package dev.minstrel.server.storage;

import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data folder's disk: the reserve kept for the database, checked before every write. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    DiskSpace diskSpace(MinstrelProperties properties, SpaceFloor floor) {
        return new DiskSpace(properties.dataDir().toAbsolutePath().normalize(), floor.spaceFloor().toBytes());
    }

    @Bean
    WriteReserveFilter writeReserveFilter(DiskSpace disk) {
        return new WriteReserveFilter(disk);
    }
}
