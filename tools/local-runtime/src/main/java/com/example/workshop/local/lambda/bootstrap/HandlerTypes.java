package com.example.workshop.local.lambda.bootstrap;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The type arguments a handler class gives an interface such as RequestHandler&lt;I, O&gt;, found the way the runtime
 * interface client finds them: breadth-first through the class's generic supertypes, resolving type variables on the
 * way, stopping at the first parameterized type assignable to the interface (so a generic sub-interface of
 * RequestHandler yields its own arguments, as on Lambda).
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    /** @return the arguments, or null when no parameterized supertype implements {@code target} */
    static Type[] argumentsOf(Class<?> handler, Class<?> target) {
        Deque<Node> queue = new ArrayDeque<>();
        queue.addFirst(new Node(handler, null));
        while (!queue.isEmpty()) {
            Node current = queue.removeLast();
            for (Type supertype : current.type.getGenericInterfaces()) {
                if (supertype instanceof ParameterizedType parameterized
                        && target.isAssignableFrom((Class<?>) parameterized.getRawType())) {
                    return Node.of(parameterized, current).arguments;
                }
                queue.addFirst(Node.of(supertype, current));
            }
            Type superclass = current.type.getGenericSuperclass();
            if (superclass != null) {
                queue.addFirst(Node.of(superclass, current));
            }
        }
        return null;
    }

    /** A class in the walk, with the arguments its type parameters have there (null where unknown). */
    private record Node(Class<?> type, Type[] arguments) {

        static Node of(Type type, Node from) {
            if (type instanceof ParameterizedType parameterized) {
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < arguments.length; i++) {
                    if (arguments[i] instanceof TypeVariable<?> variable) {
                        arguments[i] = from.resolve(variable);
                    }
                }
                return new Node((Class<?>) parameterized.getRawType(), arguments);
            }
            Class<?> raw = (Class<?>) type;
            TypeVariable<?>[] parameters = raw.getTypeParameters();
            if (parameters.length == 0 || from.arguments == null) {
                return new Node(raw, null);
            }
            Type[] arguments = new Type[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                arguments[i] = from.resolve(parameters[i]);
            }
            return new Node(raw, arguments);
        }

        Type resolve(TypeVariable<?> variable) {
            TypeVariable<?>[] parameters = type.getTypeParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (variable.getName().equals(parameters[i].getName())) {
                    return arguments == null ? parameters[i] : arguments[i];
                }
            }
            return variable;
        }
    }
}
