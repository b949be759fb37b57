package dev.meshdeck.core.monitoring.evaluation;

import java.util.List;

/** What a PromQL expression evaluates to: a scalar, an instant vector or a range vector. */
public sealed interface Value {

    record Scalar(double value) implements Value {
    }

    record Vector(List<Sample> samples) implements Value {
        public Vector {
            samples = List.copyOf(samples);
        }
    }

    record Matrix(List<SampleHistory.Range> series) implements Value {
        public Matrix {
            series = List.copyOf(series);
        }
    }
}
