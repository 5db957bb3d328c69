package io.cascadence.core.impl.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path folder;

    @Test
    void latestVersionIsTheHighestScript() throws Exception {
        Path scripts = Path.of(Migrations.class.getClassLoader().getResource("db/history").toURI());
        try (Stream<Path> files = Files.list(scripts)) {
            int highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
            assertThat(Migrations.LATEST_VERSION).isEqualTo(highest);
        }
    }

    @Test
    void aMigratedDatabaseIsUpToDateAndAnEmptyOneIsNot() {
        HistoryDatabase database = HistoryDatabase.sqlite(folder.resolve("runs.db"), false);
        assertThat(Migrations.upToDate(database.dataSource())).isFalse();

        Migrations.migrate(database.dataSource(), database);

        assertThat(Migrations.upToDate(database.dataSource())).isTrue();
    }
}
