package cn.beian.review.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An internal note for the other reviewers (never shown to the applicant). */
public record NoteRequest(@NotBlank @Size(max = 2000) String text) {
}
