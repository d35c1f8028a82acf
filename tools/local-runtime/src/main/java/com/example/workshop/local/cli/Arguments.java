package com.example.workshop.local.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code run <stage> [options]}, {@code invoke <stage> <FunctionLogicalId> [options]}, or
 * {@code help} (also {@code -h} and {@code --help} anywhere).
 */
record Arguments(String command, String stage, String functionLogicalId, int port, boolean fresh,
                 int maxEnvironments, Path eventFile) {

    static final int DEFAULT_PORT = 3000;
    static final String HELP = "help";

    static Arguments parse(String... args) {
        List<String> positional = new ArrayList<>();
        int port = DEFAULT_PORT;
        boolean fresh = false;
        int maxEnvironments = com.example.workshop.local.lambda.FunctionPool.DEFAULT_MAX_ENVIRONMENTS;
        Path eventFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = number(args, ++i, "--port", 0, 65535);
                case "--fresh" -> fresh = true;
                case "--max-environments" -> maxEnvironments = number(args, ++i, "--max-environments", 1, 64);
                case "--event", "-e" -> eventFile = Path.of(value(args, ++i, "--event"));
                case "-h", "--help" -> {
                    return help();
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        return of(positional, port, fresh, maxEnvironments, eventFile);
    }

    private static Arguments of(List<String> positional, int port, boolean fresh, int maxEnvironments, Path eventFile) {
        if (positional.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = positional.getFirst();
        if (command.equals(HELP)) {
            return help();
        }
        int expected = switch (command) {
            case "run" -> 2;
            case "invoke" -> 3;
            default -> throw new UsageException("unknown command '" + command + "'");
        };
        if (positional.size() != expected) {
            throw new UsageException(command + " takes " + (expected - 1) + " argument(s), got " + (positional.size() - 1)
                    + ": " + positional.subList(1, positional.size()));
        }
        return new Arguments(command, positional.get(1), expected == 3 ? positional.get(2) : null, port, fresh,
                maxEnvironments, eventFile);
    }

    private static Arguments help() {
        return new Arguments(HELP, null, null, DEFAULT_PORT, false, 1, null);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index, String option, int min, int max) {
        String value = value(args, index, option);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, got '" + value + "'");
        }
    }
}
