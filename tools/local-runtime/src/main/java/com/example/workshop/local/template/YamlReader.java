package com.example.workshop.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a template into plain maps, lists and scalars. A short-form tag such as {@code !Ref X} becomes a
 * {@link Tagged} value named after its long form ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}); any other
 * tag is kept under its own name, so the parser can refuse it with the property path.
 */
final class YamlReader {

    /** A tagged YAML value, before it is checked and turned into an {@link Intrinsic}. */
    record Tagged(String function, Object argument) {}

    private YamlReader() {}

    static Object read(Path file) {
        Yaml yaml = new Yaml(new IntrinsicTagConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(file)) {
            return yaml.load(reader);
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read: " + e);
        } catch (YAMLException e) {
            throw new TemplateException(file + ": is not valid YAML: " + e.getMessage());
        }
    }

    private static final class IntrinsicTagConstructor extends SafeConstructor {

        IntrinsicTagConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new TaggedConstruct("Ref"));
            yamlConstructors.put(new Tag("!GetAtt"), new TaggedConstruct("Fn::GetAtt"));
            yamlConstructors.put(new Tag("!Sub"), new TaggedConstruct("Fn::Sub"));
            yamlMultiConstructors.put("!", new TaggedConstruct(null));
        }

        private final class TaggedConstruct extends AbstractConstruct {
            private final String function;

            TaggedConstruct(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new YAMLException("unexpected node " + node);
                };
                return new Tagged(function != null ? function : node.getTag().getValue(), argument);
            }
        }
    }
}
