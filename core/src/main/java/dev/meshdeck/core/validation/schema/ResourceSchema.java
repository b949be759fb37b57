package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The compiled schema of one kind at one version. Thread-safe; compile once, use for every object. */
public interface ResourceSchema {

    /** Every violation of the whole object (apiVersion, kind, metadata, spec), in document order. */
    List<Violation> validate(JsonNode object);
}
