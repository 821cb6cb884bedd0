# generated — do not edit: compiled from forms/proposal_dialog.ui by build_scripts/compile_forms.py
# source-sha256: a8ba0398ddb438299b8ea67c5f4bfe556153a2817f4d86fb145457af4c1fec40
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

class Ui_ProposalDialog(object):
    def setupUi(self, ProposalDialog):
        if not ProposalDialog.objectName():
            ProposalDialog.setObjectName(u"ProposalDialog")
        ProposalDialog.resize(720, 640)
        self.mainLayout = QVBoxLayout(ProposalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(ProposalDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setTextFormat(Qt.TextFormat.RichText)
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(ProposalDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.collectiveRadio = QRadioButton(ProposalDialog)
        self.collectiveRadio.setObjectName(u"collectiveRadio")
        self.collectiveRadio.setChecked(True)

        self.kindLayout.addWidget(self.collectiveRadio)

        self.individualRadio = QRadioButton(ProposalDialog)
        self.individualRadio.setObjectName(u"individualRadio")

        self.kindLayout.addWidget(self.individualRadio)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kindLayout)

        self.awardLabel = QLabel(ProposalDialog)
        self.awardLabel.setObjectName(u"awardLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.awardLabel)

        self.awardCombo = QComboBox(ProposalDialog)
        self.awardCombo.setObjectName(u"awardCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.awardCombo)

        self.nameLabel = QLabel(ProposalDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ProposalDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(ProposalDialog)
        self.nameError.setObjectName(u"nameError")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.positionLabel = QLabel(ProposalDialog)
        self.positionLabel.setObjectName(u"positionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(ProposalDialog)
        self.positionEdit.setObjectName(u"positionEdit")
        self.positionEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.positionError = QLabel(ProposalDialog)
        self.positionError.setObjectName(u"positionError")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.positionError)

        self.leaderCheck = QCheckBox(ProposalDialog)
        self.leaderCheck.setObjectName(u"leaderCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.leaderCheck)

        self.unitLabel = QLabel(ProposalDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(ProposalDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.unitHint = QLabel(ProposalDialog)
        self.unitHint.setObjectName(u"unitHint")
        self.unitHint.setTextFormat(Qt.TextFormat.RichText)
        self.unitHint.setWordWrap(True)
        self.unitHint.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.unitHint)

        self.achievementsLabel = QLabel(ProposalDialog)
        self.achievementsLabel.setObjectName(u"achievementsLabel")
        self.achievementsLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.achievementsLabel)

        self.achievementsEdit = QPlainTextEdit(ProposalDialog)
        self.achievementsEdit.setObjectName(u"achievementsEdit")
        self.achievementsEdit.setTabChangesFocus(True)
        self.achievementsEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.achievementsEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.dossierGroup = QGroupBox(ProposalDialog)
        self.dossierGroup.setObjectName(u"dossierGroup")
        self.dossierLayout = QVBoxLayout(self.dossierGroup)
        self.dossierLayout.setObjectName(u"dossierLayout")
        self.dossierGrid = QGridLayout()
        self.dossierGrid.setObjectName(u"dossierGrid")
        self.dossierGrid.setHorizontalSpacing(12)

        self.dossierLayout.addLayout(self.dossierGrid)

        self.dossierNote = QLabel(self.dossierGroup)
        self.dossierNote.setObjectName(u"dossierNote")
        self.dossierNote.setWordWrap(True)

        self.dossierLayout.addWidget(self.dossierNote)


        self.mainLayout.addWidget(self.dossierGroup)

        self.errorLabel = QLabel(ProposalDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setVisible(False)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ProposalDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.awardLabel.setBuddy(self.awardCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.positionLabel.setBuddy(self.positionEdit)
        self.unitLabel.setBuddy(self.unitCombo)
        self.achievementsLabel.setBuddy(self.achievementsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.collectiveRadio, self.individualRadio)
        QWidget.setTabOrder(self.individualRadio, self.awardCombo)
        QWidget.setTabOrder(self.awardCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.leaderCheck)
        QWidget.setTabOrder(self.leaderCheck, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.achievementsEdit)

        self.retranslateUi(ProposalDialog)
    # setupUi

    def retranslateUi(self, ProposalDialog):
        ProposalDialog.setWindowTitle(QCoreApplication.translate("ProposalDialog", u"\u0110\u1ec1 ngh\u1ecb khen th\u01b0\u1edfng", None))
        self.kindLabel.setText(QCoreApplication.translate("ProposalDialog", u"\u0110\u1ec1 ngh\u1ecb cho:", None))
        self.collectiveRadio.setText(QCoreApplication.translate("ProposalDialog", u"&T\u1eadp th\u1ec3 (\u0111\u01a1n v\u1ecb)", None))
        self.individualRadio.setText(QCoreApplication.translate("ProposalDialog", u"&C\u00e1 nh\u00e2n", None))
        self.awardLabel.setText(QCoreApplication.translate("ProposalDialog", u"H\u00ecnh th\u1ee9c &khen th\u01b0\u1edfng:", None))
        self.nameLabel.setText(QCoreApplication.translate("ProposalDialog", u"H\u1ecd &v\u00e0 t\u00ean:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"v\u00ed d\u1ee5 Nguy\u1ec5n Th\u1ecb H\u1ed3ng Nhung", None))
        self.positionLabel.setText(QCoreApplication.translate("ProposalDialog", u"C&h\u1ee9c v\u1ee5:", None))
        self.positionEdit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"v\u00ed d\u1ee5 Ph\u00f3 Ch\u1ee7 t\u1ecbch UBND x\u00e3", None))
        self.leaderCheck.setText(QCoreApplication.translate("ProposalDialog", u"L\u00e3nh \u0111\u1ea1&o (Ph\u00f3 Tr\u01b0\u1edfng ph\u00f2ng tr\u1edf l\u00ean)", None))
#if QT_CONFIG(tooltip)
        self.leaderCheck.setToolTip(QCoreApplication.translate("ProposalDialog", u"T\u00ednh v\u00e0o t\u1ef7 l\u1ec7 c\u00e1 nh\u00e2n l\u00e0 l\u00e3nh \u0111\u1ea1o, qu\u1ea3n l\u00fd m\u00e0 k\u1ebf ho\u1ea1ch gi\u1edbi h\u1ea1n", None))
#endif // QT_CONFIG(tooltip)
        self.unitLabel.setText(QCoreApplication.translate("ProposalDialog", u"\u0110\u01a1&n v\u1ecb:", None))
        self.achievementsLabel.setText(QCoreApplication.translate("ProposalDialog", u"T\u00f3&m t\u1eaft th\u00e0nh t\u00edch:", None))
        self.achievementsEdit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"T\u00f3m t\u1eaft th\u00e0nh t\u00edch trong phong tr\u00e0o thi \u0111ua \u201cChuy\u1ec3n \u0111\u1ed5i s\u1ed1\u201d", None))
        self.dossierGroup.setTitle(QCoreApplication.translate("ProposalDialog", u"Th\u00e0nh ph\u1ea7n h\u1ed3 s\u01a1 \u0111\u1ec1 ngh\u1ecb khen th\u01b0\u1edfng", None))
    # retranslateUi

