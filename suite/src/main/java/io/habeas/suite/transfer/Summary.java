package io.habeas.suite.transfer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What a transfer did with each record: the counts, and every record not stored with its lines and why. */
final class Summary {
    /** A record not stored: the file's lines it came from and why. */
    record Reject(List<Integer> lines, String reason) {
        String describe() {
            return (lines.size() == 1 ? "line " + lines.get(0)
                    : "lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(","))) + ": " + reason;
        }
    }

    long created;
    long updated;
    long unchanged;
    final List<Reject> rejects = new ArrayList<>();

    long done() {
        return created + updated + unchanged + rejects.size();
    }

    boolean anyRejected() {
        return !rejects.isEmpty();
    }

    void reject(List<Integer> lines, String reason) {
        rejects.add(new Reject(List.copyOf(lines), reason));
    }

    String counts() {
        return "created " + created + ", updated " + updated + ", unchanged " + unchanged + ", rejected " + rejects.size();
    }

    /** Prints the counts and each reject, and writes the rejects (one a line) to the file, replacing it. */
    void report(PrintStream out, Path rejectsFile) throws IOException {
        out.println("Records: " + counts() + ".");
        List<String> lines = rejects.stream().sorted((a, b) -> Integer.compare(a.lines().get(0), b.lines().get(0)))
                .map(Reject::describe).toList();
        lines.forEach(out::println);
        if (!lines.isEmpty()) {
            Files.write(rejectsFile, lines, StandardCharsets.UTF_8);
            out.println("Rejected records listed in " + rejectsFile);
        } else {
            Files.deleteIfExists(rejectsFile);
        }
    }

    /** A failed call's status as one line, with its details when it has them. */
    static String describe(StatusRuntimeException failed) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failed);
        return status != null ? describe(status) : failed.getStatus().getCode() + " " + failed.getStatus().getDescription();
    }

    /** A google.rpc.Status as one line: its code, message and each field violation. */
    static String describe(com.google.rpc.Status status) {
        StringBuilder text = new StringBuilder(Status.fromCodeValue(status.getCode()).getCode().name());
        if (!status.getMessage().isEmpty()) {
            text.append(' ').append(status.getMessage());
        }
        status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).forEach(detail -> {
            try {
                detail.unpack(BadRequest.class).getFieldViolationsList()
                        .forEach(v -> text.append("; ").append(v.getField()).append(": ").append(v.getDescription()));
            } catch (InvalidProtocolBufferException e) {
                text.append("; (unreadable field violations)");
            }
        });
        return text.toString();
    }
}
