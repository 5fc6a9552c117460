package dev.spinnet.validation.cli;

import dev.spinnet.network.layer.Conv2d;

/** The {@code --conv} flag shared by {@code train} and {@code bench}. */
final class ConvOption {
    static final String DESCRIPTION = "3x3 convolutions: auto (Winograd F(2x2,3x3) where it measured faster, else"
            + " im2col GEMM), gemm or winograd (default: ${DEFAULT-VALUE})";

    private ConvOption() {
    }

    static Conv2d.ConvAlgorithm parse(String value) {
        return switch (value) {
            case "auto" -> Conv2d.ConvAlgorithm.AUTO;
            case "gemm" -> Conv2d.ConvAlgorithm.GEMM;
            case "winograd" -> Conv2d.ConvAlgorithm.WINOGRAD;
            default -> throw new IllegalArgumentException("--conv must be auto, gemm or winograd, got '" + value + "'");
        };
    }
}
