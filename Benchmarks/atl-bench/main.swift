import ATLCore
