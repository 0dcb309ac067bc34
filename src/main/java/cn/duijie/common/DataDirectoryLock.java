package cn.duijie.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One live owner per data directory: an OS file lock on {@code DATA_DIR/duijie.lock}, which the kernel releases when
 * the owning JVM dies however it dies. Holding it proves every earlier owner is dead, so whatever an earlier owner
 * left behind (an orphaned PostgreSQL, a stale pid file) may be cleared.
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String FILE = "duijie.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with a message naming the live owner. */
    public static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(file).trim();
                channel.close();
                throw new EngineStartException("数据目录 " + dataDir + " 正被另一个运行中的 Duijie 进程（pid " + owner
                        + "）使用；请先停止它，或用 DUIJIE_DATA_DIR 指定另一个目录 (data directory in use by a live process)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new EngineStartException("无法锁定数据目录 " + dataDir + "：" + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the kernel drops the lock when the process ends anyway
        }
    }
}
