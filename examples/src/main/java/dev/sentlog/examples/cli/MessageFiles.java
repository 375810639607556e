package dev.sentlog.examples.cli;

import dev.sentlog.examples.json.ImportedMessage;
import dev.sentlog.examples.json.MalformedMessageException;
import dev.sentlog.examples.json.MessageJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;

/** Reads message files and writes output files for the commands, turning failures into user errors. */
final class MessageFiles {

    /** Writes the content of one file to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private MessageFiles() {
    }

    /**
     * Reads a "sentlog-message/1" file.
     *
     * @throws UsageException when the file is missing, unreadable or malformed (SPEC J2, L4)
     */
    static ImportedMessage read(String command, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("sentlog " + command + ": " + file + " is a directory, not a message file.");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MessageJson.inZone(ZoneOffset.UTC).read(in);
        } catch (NoSuchFileException e) {
            throw new UsageException("sentlog " + command + ": the message file " + file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new UsageException("sentlog " + command + ": the message file " + file + " cannot be read"
                    + " (access denied).", e);
        } catch (MalformedMessageException e) {
            throw new UsageException("sentlog " + command + ": " + file + " is not a valid sentlog-message/1 file: "
                    + e.getMessage() + ". Nothing was imported.", e);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("sentlog " + command + ": cannot read " + file + ": "
                    + (e instanceof IOException io ? reason(io) : reason(((UncheckedIOException) e).getCause()))
                    + ".", e);
        }
    }

    /**
     * Writes a file whole or not at all: the content goes to a temporary file beside the target,
     * which is then moved over it. Missing parent directories are created.
     *
     * @throws UsageException when the file cannot be written; no partial file is left
     */
    static void writeAtomically(String command, Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(absolute)) {
                throw new UsageException("sentlog " + command + ": " + target + " is a directory; give a file name.");
            }
            Files.createDirectories(dir);
            temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + System.nanoTime() + ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            move(temp, absolute);
            temp = null;
        } catch (IOException e) {
            throw new UsageException("sentlog " + command + ": cannot write " + target + ": " + reason(e) + ".", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named .part; nothing else to do
                }
            }
        }
    }

    /**
     * Makes sure a directory exists or can be created, before any work is done.
     *
     * @throws UsageException when the path is a file or the directory cannot be created
     */
    static void requireDirectory(String command, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("sentlog " + command + ": cannot write to " + dir
                    + ": it is a file, not a directory.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("sentlog " + command + ": cannot write to " + dir + ": " + reason(e) + ".", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "access denied to " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " is in the way (a file where a directory should be)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
