/** AWS accounts as the user picks them: profiles and regions, as plain data for the views. */
package dev.meshdeck.core.lambda;
