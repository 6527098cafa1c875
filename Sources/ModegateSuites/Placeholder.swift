enum SuitesPlaceholder {}
