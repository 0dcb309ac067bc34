package cn.duijie.common;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** Copies a store folder file by file, keeping modes and times, and brings an earlier copy up to date. */
final class StoreFiles {

    /** What one {@link #mirror} did. */
    record Copied(long files, long bytes) {
    }

    private StoreFiles() {
    }

    /**
     * Makes {@code to} hold what {@code from} holds: copies every file that {@code to} lacks, whose size or
     * modification time differs from the copy, or that was modified at or after {@code changedSinceMillis}, and
     * deletes copies whose original is gone. Files and folders {@code skip} accepts are left out (a skipped folder is
     * still created, empty). A file that vanishes while it is being copied is left out too (a running store deletes
     * temporary files; the engine's own log covers them).
     */
    static Copied mirror(Path from, Path to, Predicate<Path> skip, long changedSinceMillis) throws IOException {
        if (!Files.exists(from)) {
            return new Copied(0, 0);
        }
        Set<Path> present = new HashSet<>();
        long[] count = new long[2];
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(copy);
                present.add(copy);
                return !dir.equals(from) && skip.test(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                // PostgreSQL refuses a data directory readable by others: keep the modes as they were
                Files.setPosixFilePermissions(to.resolve(from.relativize(dir).toString()), Files.getPosixFilePermissions(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (skip.test(file)) {
                    return FileVisitResult.CONTINUE;
                }
                Path copy = to.resolve(from.relativize(file).toString());
                present.add(copy);
                if (changed(attrs, copy, changedSinceMillis)) {
                    try {
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                        count[0]++;
                        count[1] += attrs.size();
                    } catch (NoSuchFileException gone) {
                        present.remove(copy);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        try (var walk = Files.walk(to)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!present.contains(p)) {
                    Files.delete(p);
                }
            }
        }
        return new Copied(count[0], count[1]);
    }

    private static boolean changed(BasicFileAttributes original, Path copy, long changedSinceMillis) throws IOException {
        if (!Files.exists(copy)) {
            return true;
        }
        BasicFileAttributes copied = Files.readAttributes(copy, BasicFileAttributes.class);
        long modified = original.lastModifiedTime().toMillis();
        return copied.size() != original.size() || copied.lastModifiedTime().toMillis() != modified
                || modified >= changedSinceMillis;
    }

    /** Accepts paths whose file name is one of {@code names}. */
    static Predicate<Path> named(Set<String> names) {
        return p -> p.getFileName() != null && names.contains(p.getFileName().toString());
    }
}
