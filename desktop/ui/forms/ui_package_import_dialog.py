# generated — do not edit: compiled from forms/package_import_dialog.ui by build_scripts/compile_forms.py
# source-sha256: e5d61d180b1e7215bab080384667f77c97ca757536f33e89091db21d3594dea2
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'package_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTreeWidget,
    QVBoxLayout,
)

class Ui_PackageImportDialog(object):
    def setupUi(self, PackageImportDialog):
        if not PackageImportDialog.objectName():
            PackageImportDialog.setObjectName(u"PackageImportDialog")
        PackageImportDialog.resize(1000, 600)
        self.mainLayout = QVBoxLayout(PackageImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(PackageImportDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.optionsLayout = QHBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.receivedCheck = QCheckBox(PackageImportDialog)
        self.receivedCheck.setObjectName(u"receivedCheck")

        self.optionsLayout.addWidget(self.receivedCheck)

        self.receivedEdit = QDateEdit(PackageImportDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setEnabled(False)
        self.receivedEdit.setCalendarPopup(True)

        self.optionsLayout.addWidget(self.receivedEdit)

        self.receivedHint = QLabel(PackageImportDialog)
        self.receivedHint.setObjectName(u"receivedHint")

        self.optionsLayout.addWidget(self.receivedHint)

        self.channelLabel = QLabel(PackageImportDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.optionsLayout.addWidget(self.channelLabel)

        self.channelCombo = QComboBox(PackageImportDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.optionsLayout.addWidget(self.channelCombo)

        self.optionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer)

        self.addButton = QPushButton(PackageImportDialog)
        self.addButton.setObjectName(u"addButton")

        self.optionsLayout.addWidget(self.addButton)

        self.clearButton = QPushButton(PackageImportDialog)
        self.clearButton.setObjectName(u"clearButton")

        self.optionsLayout.addWidget(self.clearButton)


        self.mainLayout.addLayout(self.optionsLayout)

        self.tree = QTreeWidget(PackageImportDialog)
        self.tree.setObjectName(u"tree")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)

        self.mainLayout.addWidget(self.tree)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressBar = QProgressBar(PackageImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)


        self.mainLayout.addLayout(self.progressLayout)

        self.statusLabel = QLabel(PackageImportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.importButton = QPushButton(PackageImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.newDatabaseButton = QPushButton(PackageImportDialog)
        self.newDatabaseButton.setObjectName(u"newDatabaseButton")

        self.buttonLayout.addWidget(self.newDatabaseButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(PackageImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.channelLabel.setBuddy(self.channelCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackageImportDialog)

        self.importButton.setDefault(True)

    # setupUi

    def retranslateUi(self, PackageImportDialog):
        PackageImportDialog.setWindowTitle(QCoreApplication.translate("PackageImportDialog", u"Nh\u1eadp g\u00f3i d\u1eef li\u1ec7u c\u1ee7a \u0111\u01a1n v\u1ecb c\u1ea5p d\u01b0\u1edbi", None))
        self.headerLabel.setText(QCoreApplication.translate("PackageImportDialog", u"Nh\u1eadp c\u00e1c g\u00f3i d\u1eef li\u1ec7u (.zip) do \u0111\u01a1n v\u1ecb c\u1ea5p d\u01b0\u1edbi xu\u1ea5t b\u1eb1ng Thi\u0110ua C\u0110S \u0111\u1ec3 t\u1ed5ng h\u1ee3p. M\u1ed7i g\u00f3i \u0111\u01b0\u1ee3c ki\u1ec3m tra tr\u01b0\u1edbc (m\u00e3 ki\u1ec3m tra, phi\u00ean b\u1ea3n, k\u1ebf ho\u1ea1ch); c\u00e1c g\u00f3i h\u1ee3p l\u1ec7 \u0111\u01b0\u1ee3c nh\u1eadp c\u00f9ng m\u1ed9t l\u1ea7n: tr\u1ecdn v\u1eb9n ho\u1eb7c kh\u00f4ng ghi g\u00ec.", None))
        self.receivedCheck.setText(QCoreApplication.translate("PackageImportDialog", u"&Ng\u00e0y nh\u1eadn:", None))
#if QT_CONFIG(tooltip)
        self.receivedCheck.setToolTip(QCoreApplication.translate("PackageImportDialog", u"Kh\u00f4ng \u0111\u00e1nh d\u1ea5u: ng\u00e0y nh\u1eadn l\u00e0 ng\u00e0y \u0111\u01a1n v\u1ecb l\u1eadp g\u00f3i (t\u00ednh tr\u1ec5 h\u1ea1n theo ng\u00e0y \u0111\u00f3)", None))
#endif // QT_CONFIG(tooltip)
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("PackageImportDialog", u"dd/MM/yyyy", None))
        self.receivedHint.setText(QCoreApplication.translate("PackageImportDialog", u"(m\u1eb7c \u0111\u1ecbnh: ng\u00e0y \u0111\u01a1n v\u1ecb l\u1eadp g\u00f3i)", None))
        self.receivedHint.setStyleSheet(QCoreApplication.translate("PackageImportDialog", u"color: #5f6368;", None))
        self.channelLabel.setText(QCoreApplication.translate("PackageImportDialog", u"H\u00ecnh th\u1ee9c nh\u1eadn:", None))
        self.addButton.setText(QCoreApplication.translate("PackageImportDialog", u"&Ch\u1ecdn g\u00f3i\u2026", None))
        self.clearButton.setText(QCoreApplication.translate("PackageImportDialog", u"&X\u00f3a danh s\u00e1ch", None))
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("PackageImportDialog", u"Ki\u1ec3m tra / k\u1ebft qu\u1ea3", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("PackageImportDialog", u"\u0110\u00e3 b\u00e1o c\u00e1o", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("PackageImportDialog", u"K\u1ef3", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PackageImportDialog", u"K\u1ebf ho\u1ea1ch", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PackageImportDialog", u"\u0110\u01a1n v\u1ecb g\u1eedi", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PackageImportDialog", u"T\u1ec7p", None))
        self.importButton.setText(QCoreApplication.translate("PackageImportDialog", u"N&h\u1eadp", None))
        self.newDatabaseButton.setText(QCoreApplication.translate("PackageImportDialog", u"&T\u1ea1o c\u01a1 s\u1edf d\u1eef li\u1ec7u t\u1ed5ng h\u1ee3p m\u1edbi\u2026", None))
#if QT_CONFIG(tooltip)
        self.newDatabaseButton.setToolTip(QCoreApplication.translate("PackageImportDialog", u"T\u1ea1o m\u1ed9t c\u01a1 s\u1edf d\u1eef li\u1ec7u t\u1ed5ng h\u1ee3p m\u1edbi (c\u1ea5p t\u1ec9nh) t\u1eeb c\u00e1c g\u00f3i h\u1ee3p l\u1ec7, nh\u01b0 l\u1ec7nh \u201cthidua import-package\u201d v\u1edbi t\u1ec7p m\u1edbi", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("PackageImportDialog", u"\u0110\u00f3n&g", None))
    # retranslateUi

